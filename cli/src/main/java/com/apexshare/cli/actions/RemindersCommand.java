package com.apexshare.cli.actions;

import java.util.concurrent.Callable;

import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.console.CliContext;
import com.apexshare.cli.signin.ApiOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code apexshare reminders FILE_ID on|off}: the one reminder to a student who has not downloaded. */
@Command(name = "reminders", mixinStandardHelpOptions = true,
        description = "Switches the upload's reminder on or off: one email to the student if the video has not been "
                + "downloaded 48 hours after the first email.")
public final class RemindersCommand implements Callable<Integer> {

    /** The switch's two positions. */
    enum Setting {
        on, off
    }

    private final CliContext context;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(index = "0", paramLabel = "FILE_ID", description = "The upload's file id")
    String fileId;

    @Parameters(index = "1", paramLabel = "on|off", description = "on or off")
    Setting setting;

    public RemindersCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try {
            return ActionOutput.done(context, "reminder switched " + setting,
                    apiOptions.api(context).reminders(fileId.strip(), setting == Setting.on));
        } catch (ApiException e) {
            return ActionOutput.failed(context, "reminders", e);
        }
    }
}
