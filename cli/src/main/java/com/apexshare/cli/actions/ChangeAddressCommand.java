package com.apexshare.cli.actions;

import java.util.concurrent.Callable;

import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.console.CliContext;
import com.apexshare.cli.signin.ApiOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code apexshare change-address FILE_ID --student-email …}: corrects the student's address. */
@Command(name = "change-address", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Corrects the student's email address: a new email with a new link goes to it, and the "
                + "links sent before stop working.")
public final class ChangeAddressCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "FILE_ID", description = "The upload's file id")
    String fileId;

    @Option(names = "--student-email", required = true, paramLabel = "EMAIL", description = "The corrected address")
    String studentEmail;

    @Option(names = "--student-name", paramLabel = "NAME", description = "The corrected name (default: unchanged)")
    String studentName;

    public ChangeAddressCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try {
            return ActionOutput.done(context, "address changed, new link sent",
                    apiOptions.api(context).changeAddress(fileId.strip(), studentEmail.strip(),
                            studentName == null || studentName.isBlank() ? null : studentName.strip()));
        } catch (ApiException e) {
            return ActionOutput.failed(context, "change-address", e);
        }
    }
}
