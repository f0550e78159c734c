package com.apexshare.cli.signin;

import java.net.URI;
import java.util.Locale;

import com.apexshare.cli.api.AccessTokens;
import com.apexshare.cli.api.ApexShareApi;
import com.apexshare.cli.api.SignInRequired;
import com.apexshare.cli.console.CliContext;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --api-url} and {@code --token}, each falling back to its environment variable, and who the calls go out as:
 * the given token when there is one (scripts), else the stored sign-in of {@code apexshare login} for that API URL.
 */
public final class ApiOptions {

    public static final String DEFAULT_API_URL = "http://127.0.0.1:8080";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "ApexShare API (the gateway); default $APEXSHARE_API_URL, else " + DEFAULT_API_URL)
    String apiUrl;

    @Option(names = "--token", paramLabel = "JWT",
            description = "Access token instead of your sign-in; default $APEXSHARE_TOKEN (prefer the variable: "
                    + "options show in ps)")
    String token;

    /** The API for this run, as the trainer; a malformed URL is a usage error, no sign-in at all is {@link SignInRequired}. */
    public ApexShareApi api(CliContext context) {
        URI url = apiUrl(context);
        return new ApexShareApi(url, tokens(context, url), context.http(), context.retry());
    }

    public URI apiUrl(CliContext context) {
        return parseApiUrl(spec, apiUrl, context);
    }

    /** {@code --api-url}'s value, else {@code APEXSHARE_API_URL}, else the local run's gateway. */
    static URI parseApiUrl(CommandSpec spec, String option, CliContext context) {
        String value = option != null ? option : context.env("APEXSHARE_API_URL");
        if (value == null) {
            value = DEFAULT_API_URL;
        }
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "--api-url / APEXSHARE_API_URL must be an http(s) URL like " + DEFAULT_API_URL + ", not '"
                            + value + "'");
        }
    }

    /** How the store names an API: scheme and host in lower case, no trailing slash. */
    static String key(URI apiUrl) {
        String path = apiUrl.getRawPath() == null ? "" : apiUrl.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return apiUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + apiUrl.getHost().toLowerCase(Locale.ROOT)
                + (apiUrl.getPort() == -1 ? "" : ":" + apiUrl.getPort()) + path;
    }

    /** {@code apexshare login}, with the {@code --api-url} of this command line when it gave one. */
    static String loginCommand(String apiUrlOption, URI apiUrl) {
        return "apexshare login" + (apiUrlOption == null ? "" : " --api-url " + apiUrl);
    }

    /** The given token, else the stored sign-in for this API URL (bound to its issuer). */
    AccessTokens tokens(CliContext context, URI url) {
        String given = token != null ? token : context.env("APEXSHARE_TOKEN");
        if (given != null && !given.isBlank()) {
            return AccessTokens.fixed(given.strip());
        }
        CredentialStore store = new CredentialStore(context.configDir());
        StoredSignIn signIn = store.find(key(url)).orElseThrow(() -> new SignInRequired("not signed in to " + key(url)
                + ": run " + loginCommand(apiUrl, url) + " (or set APEXSHARE_TOKEN for scripts)"));
        String wanted = context.env("APEXSHARE_ISSUER");
        if (wanted != null && !IssuerClient.withoutTrailingSlash(wanted.strip())
                .equals(IssuerClient.withoutTrailingSlash(signIn.issuer()))) {
            throw new SignInRequired("your sign-in for " + key(url) + " is at " + signIn.issuer() + ", not at "
                    + wanted.strip() + " (APEXSHARE_ISSUER): run " + loginCommand(apiUrl, url));
        }
        return new StoredTokens(store, signIn, context.http(), context.clock());
    }

    /** Whether a token was given on the command line or in the environment. */
    boolean tokenGiven(CliContext context) {
        return token != null || context.env("APEXSHARE_TOKEN") != null;
    }

    /** Where the given token came from, for {@code whoami}. */
    String tokenSource() {
        return token != null ? "--token" : "APEXSHARE_TOKEN";
    }

    String givenToken(CliContext context) {
        return token != null ? token.strip() : context.env("APEXSHARE_TOKEN") == null ? null
                : context.env("APEXSHARE_TOKEN").strip();
    }

    String apiUrlOption() {
        return apiUrl;
    }
}
