package com.apexshare.cli.console;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import com.apexshare.cli.api.RetryPolicy;

/**
 * One run of the client: its streams (results on {@code out}, progress and problems on {@code err}), its
 * environment, and the settings tests may change (terminal, retry policy, clock, browser, device-flow pace).
 */
public final class CliContext {

    /** Exit codes: everything done; an upload or a call failed; the command line was wrong; not signed in. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** Not signed in, or the stored sign-in can no longer be renewed: {@code apexshare login} fixes it. */
    public static final int NOT_SIGNED_IN = 3;

    /**
     * What a run may be given besides its streams and environment.
     *
     * @param terminal              whether stderr is a terminal that can redraw a progress line
     * @param retry                 how failed part uploads and API calls are retried
     * @param clock                 for deadlines, expiry and state timestamps
     * @param plainProgressInterval how often progress is printed as plain lines when stderr is not a terminal
     * @param devicePollInterval    how often the device flow asks the issuer when the issuer names no interval
     * @param browser               the machine's web browser, for the sign-in
     */
    public record Settings(boolean terminal, RetryPolicy retry, Clock clock, Duration plainProgressInterval,
            Duration devicePollInterval, Browser browser) {
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final Settings settings;
    private volatile HttpClient http;

    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Settings settings) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.settings = settings;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** An environment variable, or null when unset or blank. */
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether stderr is a terminal that can redraw a progress line. */
    public boolean terminal() {
        return settings.terminal();
    }

    public RetryPolicy retry() {
        return settings.retry();
    }

    public Clock clock() {
        return settings.clock();
    }

    /** How often progress is printed as plain lines when stderr is not a terminal. */
    public Duration plainProgressInterval() {
        return settings.plainProgressInterval();
    }

    /** The device flow's pause between two polls when the issuer names none (RFC 8628: 5 s). */
    public Duration devicePollInterval() {
        return settings.devicePollInterval();
    }

    public Browser browser() {
        return settings.browser();
    }

    /** {@code $APEXSHARE_HOME}, else {@code ~/.apexshare}. */
    public Path home() {
        String home = env("APEXSHARE_HOME");
        if (home != null) {
            return Path.of(home);
        }
        return userHome().resolve(".apexshare");
    }

    /**
     * Where the sign-in is kept: {@code $APEXSHARE_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/apexshare}, else
     * {@code %APPDATA%\apexshare} on Windows, else {@code ~/.config/apexshare}.
     */
    public Path configDir() {
        String dir = env("APEXSHARE_CONFIG_DIR");
        if (dir != null) {
            return Path.of(dir);
        }
        String xdg = env("XDG_CONFIG_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "apexshare");
        }
        String appData = env("APPDATA");
        if (appData != null && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Path.of(appData, "apexshare");
        }
        return userHome().resolve(".config").resolve("apexshare");
    }

    private Path userHome() {
        String user = env("HOME");
        return Path.of(user != null ? user : System.getProperty("user.home"));
    }

    /** One HTTP/1.1 client for the API, the issuer and S3: S3 presigned uploads speak HTTP/1.1. */
    public HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(15))
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
                client = http;
            }
        }
        return client;
    }
}
