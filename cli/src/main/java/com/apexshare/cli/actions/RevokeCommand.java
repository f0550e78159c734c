package com.apexshare.cli.actions;

import java.util.concurrent.Callable;

import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.console.CliContext;
import com.apexshare.cli.signin.ApiOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apexshare revoke FILE_ID --yes}: cannot be undone, so it asks for {@code --yes}. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revokes every link of the upload now: they answer 410 Gone and no further email is sent "
                + "about it. Final. Needs --yes.")
public final class RevokeCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "FILE_ID", description = "The upload's file id")
    String fileId;

    @Option(names = "--yes", description = "Confirms: this cannot be undone")
    boolean yes;

    public RevokeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!yes) {
            throw new ParameterException(spec.commandLine(), "revoke cannot be undone: add --yes to confirm");
        }
        try {
            return ActionOutput.done(context, "links revoked", apiOptions.api(context).revoke(fileId.strip()));
        } catch (ApiException e) {
            return ActionOutput.failed(context, "revoke", e);
        }
    }
}
