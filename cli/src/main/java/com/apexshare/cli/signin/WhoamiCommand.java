package com.apexshare.cli.signin;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.apexshare.cli.api.AccessTokens;
import com.apexshare.cli.api.TokenNotRenewed;
import com.apexshare.cli.console.CliContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code apexshare whoami}: whose token the next call would send: name, email, subject, roles, issuer, expiry. Read
 * from the token's own claims without checking the signature (it is the client's own token; the API checks it), else
 * from the ID token, else from the issuer's userinfo. Not signed in ends like every command: exit code 3.
 */
@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = "Shows who you are signed in as: name, email, subject, roles, issuer, and until when.")
public final class WhoamiCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final CliContext context;

    @Mixin
    ApiOptions apiOptions;

    public WhoamiCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        URI url = apiOptions.apiUrl(context);
        String api = ApiOptions.key(url);
        if (apiOptions.tokenGiven(context)) {
            return given(api);
        }
        AccessTokens tokens = apiOptions.tokens(context, url);
        StoredTokens stored = (StoredTokens) tokens;
        StoredSignIn signIn;
        try {
            signIn = stored.fresh();
        } catch (TokenNotRenewed e) {
            context.err().println("apexshare whoami: " + e.describe());
            context.err().flush();
            return CliContext.FAILED;
        }
        Optional<TokenClaims> claims = TokenClaims.of(signIn.accessToken())
                .or(() -> TokenClaims.of(signIn.idToken()))
                .or(() -> userinfo(signIn));
        Map<String, String> lines = new LinkedHashMap<>();
        claims.ifPresent(c -> describe(c, lines));
        lines.put("issuer", signIn.issuer());
        lines.put("expires", signIn.accessTokenExpiresAt() == null ? "unknown"
                : TIME.format(signIn.accessTokenExpiresAt()) + (signIn.refreshToken() == null
                        ? " (no refresh token: sign in again then)" : " (the access token; renewed automatically)"));
        lines.put("source", "apexshare login (" + ("device".equals(signIn.flow()) ? "device flow" : "browser")
                + ", " + signIn.signedInAt().atOffset(ZoneOffset.UTC).toLocalDate() + "), "
                + new CredentialStore(context.configDir()).file());
        print("Signed in to " + api + " as " + claims.map(TokenClaims::who).orElse("(the token does not say who)"),
                lines, claims.isPresent() && TokenClaims.of(signIn.accessToken()).isPresent()
                        ? "Read from the access token's claims without checking its signature (the API checks it)."
                        : claims.isPresent() ? "Read from your ID token or the issuer's userinfo." : null);
        return CliContext.OK;
    }

    /** A token from {@code --token} / {@code APEXSHARE_TOKEN}: shown as it is, never renewed. */
    private int given(String api) {
        String source = apiOptions.tokenSource();
        Optional<TokenClaims> claims = TokenClaims.of(apiOptions.givenToken(context));
        if (claims.isEmpty()) {
            context.err().println("apexshare whoami: the token in " + source + " is not a JWT; who it belongs to "
                    + "only its issuer can tell");
            context.err().flush();
            return CliContext.FAILED;
        }
        Map<String, String> lines = new LinkedHashMap<>();
        describe(claims.get(), lines);
        claims.get().issuer().ifPresent(iss -> lines.put("issuer", iss));
        Optional<Instant> expiry = claims.get().expiresAt();
        boolean expired = expiry.isPresent() && !context.clock().instant().isBefore(expiry.get());
        lines.put("expires", expiry.map(TIME::format).orElse("unknown")
                + (expired ? " (EXPIRED)" : " (not renewed: this token is used as it is)"));
        lines.put("source", source + " (takes precedence over apexshare login)");
        print("Calls to " + api + " go out as " + claims.get().who(), lines,
                "Read from the token's claims without checking its signature (the API checks it).");
        if (expired) {
            context.err().println("apexshare whoami: the token in " + source + " has expired: set a fresh one, or "
                    + "unset it and run apexshare login");
            context.err().flush();
            return CliContext.NOT_SIGNED_IN;
        }
        return CliContext.OK;
    }

    private Optional<TokenClaims> userinfo(StoredSignIn signIn) {
        try {
            return Optional.ofNullable(IssuerClient.discover(signIn.issuer(), context.http())
                    .userinfo(signIn.accessToken())).map(TokenClaims::of);
        } catch (IssuerFailed e) {
            return Optional.empty();
        }
    }

    private static void describe(TokenClaims claims, Map<String, String> lines) {
        claims.name().ifPresent(name -> lines.put("name", name));
        claims.email().ifPresent(email -> lines.put("email", email));
        claims.subject().ifPresent(subject -> lines.put("subject", subject));
        lines.put("roles", claims.roles().isEmpty() ? "(none)" : String.join(", ", claims.roles()));
    }

    private void print(String head, Map<String, String> lines, String footnote) {
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        context.out().println(head);
        lines.forEach((name, value) -> context.out().println("  " + name + " ".repeat(width - name.length() + 2)
                + value));
        if (footnote != null) {
            context.out().println(footnote);
        }
        context.out().flush();
    }
}
