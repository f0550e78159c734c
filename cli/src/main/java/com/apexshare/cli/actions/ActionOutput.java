package com.apexshare.cli.actions;

import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.api.UploadApiModel.ActionState;
import com.apexshare.cli.console.CliContext;

/** How every action reports: one line of where the upload stands, or the API's refusal on stderr. */
final class ActionOutput {

    private ActionOutput() {
    }

    static int done(CliContext context, String verb, ActionState state) {
        StringBuilder line = new StringBuilder(state.fileId()).append(": ").append(verb);
        if (state.status() != null && !"COMPLETED".equals(state.status())) {
            line.append("; status ").append(state.status());
        }
        if (state.expiresAt() != null && !"DELETED".equals(state.status())) {
            line.append("; expires ").append(state.expiresAt());
        }
        if (Boolean.TRUE.equals(state.linksRevoked()) && !verb.equals("links revoked")) {
            line.append("; links revoked");
        }
        if (state.remindersEnabled() != null && !verb.startsWith("reminder")) {
            line.append("; reminder ").append(state.remindersEnabled() ? "on" : "off");
        }
        context.out().println(line);
        context.out().flush();
        return CliContext.OK;
    }

    static int failed(CliContext context, String command, ApiException e) {
        context.err().println("apexshare " + command + ": " + e.describe());
        context.err().flush();
        return CliContext.FAILED;
    }
}
