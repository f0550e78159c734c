package com.apexshare.cli.signin;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.apexshare.cli.console.CliContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apexshare login}: signs the trainer in at the issuer and keeps the tokens for the API URL. */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Signs you in: with a code on any device (the device flow) or with a browser on this machine.",
                "The tokens are kept owner-only in the config directory and renewed automatically."},
        footer = {"", "Without --device or --browser: the device flow when the issuer offers it and no browser can open "
                + "here (SSH, a server), else the browser."})
public final class LoginCommand implements Callable<Integer> {

    public static final String DEFAULT_ISSUER = "http://127.0.0.1:8090";
    public static final String DEFAULT_CLIENT_ID = "apexshare-cli";

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "ApexShare API (the gateway) to sign in for; default $APEXSHARE_API_URL, else "
                    + ApiOptions.DEFAULT_API_URL)
    String apiUrl;

    @Option(names = "--issuer", paramLabel = "URL",
            description = "OpenID Connect issuer ApexShare trusts; default $APEXSHARE_ISSUER, else " + DEFAULT_ISSUER)
    String issuer;

    @Option(names = "--client-id", paramLabel = "ID",
            description = "The CLI's public client at the issuer; default $APEXSHARE_CLIENT_ID, else " + DEFAULT_CLIENT_ID)
    String clientId;

    @Option(names = "--device", description = "Sign in with a code on any device (RFC 8628)")
    boolean device;

    @Option(names = "--browser", description = "Sign in with a browser on this machine (loopback redirect + PKCE)")
    boolean browser;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port on 127.0.0.1 for the browser's answer; default any free one")
    int port;

    public LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (device && browser) {
            throw new ParameterException(spec.commandLine(), "--device and --browser: choose one");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port: must be between 1 and 65535, not " + port);
        }
        URI api = ApiOptions.parseApiUrl(spec, apiUrl, context);
        String issuerUrl = issuerUrl(spec, issuer, context);
        String client = clientId != null ? clientId.strip()
                : context.env("APEXSHARE_CLIENT_ID") != null ? context.env("APEXSHARE_CLIENT_ID").strip()
                        : DEFAULT_CLIENT_ID;
        try {
            IssuerClient issuerClient = IssuerClient.discover(issuerUrl, context.http());
            String named = issuerClient.metadata().issuer();
            FlowChoice choice = FlowChoice.choose(device ? FlowChoice.Requested.DEVICE
                    : browser ? FlowChoice.Requested.BROWSER : FlowChoice.Requested.ANY, named,
                    issuerClient.metadata().offersDeviceFlow(), context.browser().available());
            context.err().println(choice.reason());
            context.err().flush();
            TokenGrant grant = choice.device()
                    ? new DeviceFlow(issuerClient, client, context.err(), context.clock(),
                            context.devicePollInterval()).signIn()
                    : new LoopbackFlow(issuerClient, client, context.browser(), context.err(), port).signIn();
            CredentialStore store = new CredentialStore(context.configDir());
            StoredSignIn signIn = StoredSignIn.of(ApiOptions.key(api), named, client,
                    choice.device() ? "device" : "browser", grant, context.clock().instant());
            store.save(signIn);
            String who = TokenClaims.of(grant.accessToken()).or(() -> TokenClaims.of(grant.idToken()))
                    .map(TokenClaims::who).orElse("(the issuer's token does not say who)");
            context.out().println("Signed in to " + signIn.apiUrl() + " as " + who + " (issuer " + named + ").");
            context.out().flush();
            context.err().println("Kept in " + store.file() + " (only you can read it)"
                    + (grant.refreshToken() == null ? "; the issuer gave no refresh token, so sign in again when it "
                            + "expires." : "; renewed automatically."));
            if (context.env("APEXSHARE_TOKEN") != null) {
                context.err().println("Note: APEXSHARE_TOKEN is set; commands use it instead of this sign-in until "
                        + "you unset it.");
            }
            context.err().flush();
            return CliContext.OK;
        } catch (SignInNotCompleted | IssuerFailed e) {
            context.err().println("apexshare login: " + e.getMessage());
            context.err().flush();
            return CliContext.FAILED;
        }
    }

    /**
     * {@code --issuer}, else {@code APEXSHARE_ISSUER}, else the local run's provider. Plain http only to this machine:
     * tokens travel there.
     */
    static String issuerUrl(CommandSpec spec, String option, CliContext context) {
        String value = option != null ? option : context.env("APEXSHARE_ISSUER");
        if (value == null) {
            value = DEFAULT_ISSUER;
        }
        String issuer = IssuerClient.withoutTrailingSlash(value.strip());
        try {
            URI uri = URI.create(issuer);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.matches("https?") || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("not an issuer URL");
            }
            if (scheme.equals("http") && !loopback(uri.getHost())) {
                throw new ParameterException(spec.commandLine(), "--issuer / APEXSHARE_ISSUER: " + issuer
                        + " must be https (plain http only for this machine: 127.0.0.1, localhost, [::1])");
            }
            return issuer;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--issuer / APEXSHARE_ISSUER must be an http(s) URL "
                    + "like " + DEFAULT_ISSUER + ", not '" + value + "'");
        }
    }

    private static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
}
