package com.apexshare.cli.signin;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.apexshare.cli.console.CliContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code apexshare logout}: revokes the refresh token where the issuer lets the client, and forgets the sign-in. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Signs you out: the issuer revokes the sign-in (where it offers revocation) and the stored "
                + "tokens are deleted.")
public final class LogoutCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "ApexShare API to sign out of; default $APEXSHARE_API_URL, else " + ApiOptions.DEFAULT_API_URL)
    String apiUrl;

    public LogoutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        URI api = ApiOptions.parseApiUrl(spec, apiUrl, context);
        String key = ApiOptions.key(api);
        CredentialStore store = new CredentialStore(context.configDir());
        Optional<StoredSignIn> found = store.find(key);
        if (found.isEmpty()) {
            context.out().println("Not signed in to " + key + "; nothing to do.");
        } else {
            StoredSignIn signIn = found.get();
            String revocation = revoke(signIn);
            store.remove(key);
            context.out().println("Signed out of " + key + ": the tokens are deleted from " + store.file() + ".");
            context.out().println(revocation);
        }
        if (context.env("APEXSHARE_TOKEN") != null) {
            context.err().println("Note: APEXSHARE_TOKEN is set; commands keep using it until you unset it.");
        }
        context.out().flush();
        context.err().flush();
        return CliContext.OK;
    }

    /** Revokes the refresh token; answers what became of it, for the trainer. */
    private String revoke(StoredSignIn signIn) {
        if (signIn.refreshToken() == null) {
            return "Nothing to revoke at " + signIn.issuer() + ": the sign-in had no refresh token.";
        }
        String notRevoked;
        try {
            notRevoked = IssuerClient.discover(signIn.issuer(), context.http()).revoke(signIn.clientId(),
                    signIn.refreshToken());
        } catch (IssuerFailed e) {
            notRevoked = e.getMessage();
        }
        return notRevoked == null ? "The issuer " + signIn.issuer() + " revoked the sign-in."
                : "Not revoked: " + notRevoked + "; its refresh token stays valid until it expires.";
    }
}
