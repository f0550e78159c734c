package com.apexshare.cli.actions;

import java.util.concurrent.Callable;

import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.console.CliContext;
import com.apexshare.cli.signin.ApiOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code apexshare resend FILE_ID}: the student's email again, with a fresh link. */
@Command(name = "resend", mixinStandardHelpOptions = true,
        description = "Sends the student's email again with a fresh link (earlier links keep working); "
                + "at most 3 times an hour per upload.")
public final class ResendCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "FILE_ID", description = "The upload's file id")
    String fileId;

    public ResendCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try {
            return ActionOutput.done(context, "email resent", apiOptions.api(context).resend(fileId.strip()));
        } catch (ApiException e) {
            return ActionOutput.failed(context, "resend", e);
        }
    }
}
