package com.apexshare.cli.dashboard;

import java.util.concurrent.Callable;

import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.api.UploadApiModel.Aborted;
import com.apexshare.cli.console.CliContext;
import com.apexshare.cli.signin.ApiOptions;
import com.apexshare.cli.upload.StateStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code apexshare abort FILE_ID}: gives up an unfinished upload (S3 frees its parts) and forgets its resume state. */
@Command(name = "abort", mixinStandardHelpOptions = true,
        description = "Aborts an unfinished upload; S3 drops its parts and a re-run starts afresh.")
public final class AbortCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "FILE_ID", description = "The upload's file id")
    String fileId;

    public AbortCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String id = fileId.strip();
        try {
            Aborted aborted = apiOptions.api(context).abort(id);
            new StateStore(context.home()).forget(id);
            context.out().println(id + ": " + (aborted == null || aborted.status() == null ? "ABORTED"
                    : aborted.status()));
            context.out().flush();
            return CliContext.OK;
        } catch (ApiException e) {
            context.err().println("apexshare abort: " + e.describe());
            context.err().flush();
            return CliContext.FAILED;
        }
    }
}
