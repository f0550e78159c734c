package com.apexshare.cli.console;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.apexshare.cli.api.RetryPolicy;

/**
 * One run of the client: its streams (results on {@code out}, progress and problems on {@code err}), its
 * environment, and the settings tests may change (terminal, retry policy, clock).
 */
public final class CliContext {

    /** Exit codes: everything done; an upload or a call failed; the command line was wrong. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final boolean terminal;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Duration plainProgressInterval;
    private volatile HttpClient http;

    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal, RetryPolicy retry,
            Clock clock, Duration plainProgressInterval) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.terminal = terminal;
        this.retry = retry;
        this.clock = clock;
        this.plainProgressInterval = plainProgressInterval;
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
        return terminal;
    }

    public RetryPolicy retry() {
        return retry;
    }

    public Clock clock() {
        return clock;
    }

    /** How often progress is printed as plain lines when stderr is not a terminal. */
    public Duration plainProgressInterval() {
        return plainProgressInterval;
    }

    /** {@code $APEXSHARE_HOME}, else {@code ~/.apexshare}. */
    public Path home() {
        String home = env("APEXSHARE_HOME");
        if (home != null) {
            return Path.of(home);
        }
        String user = env("HOME");
        return Path.of(user != null ? user : System.getProperty("user.home"), ".apexshare");
    }

    /** One HTTP/1.1 client for the API and S3: S3 presigned uploads speak HTTP/1.1. */
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
