package com.apexshare.cli;

import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.apexshare.cli.api.RetryPolicy;
import com.apexshare.cli.console.Browser;

/**
 * Runs the client in the test JVM, as the end-to-end run does, and keeps what it printed. Its sign-in lives in
 * {@code <home>/config}, never in the developer's own config directory; no browser opens unless a test gives one.
 */
public final class CliRunner {

    /** Retries without real waiting, so failure tests stay fast. */
    public static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));
    /** The device flow's polls in tests: the development provider enforces no minimum (it never says slow_down). */
    public static final Duration QUICK_POLLS = Duration.ofMillis(200);

    /** One run: exit code, stdout, stderr. */
    public record Run(int exitCode, String out, String err) {
    }

    /** No browser on this machine (as on a server): {@code login} prints the links it would open. */
    public static final Browser NO_BROWSER = new Browser() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public boolean open(java.net.URI page) {
            return false;
        }
    };

    private final Map<String, String> env = new HashMap<>();
    private final Path configDir;
    private Browser browser = NO_BROWSER;

    public CliRunner(Path home) {
        env.put("APEXSHARE_HOME", home.toString());
        configDir = home.resolve("config");
        env.put("APEXSHARE_CONFIG_DIR", configDir.toString());
    }

    public CliRunner api(Object url, String token) {
        env.put("APEXSHARE_API_URL", url.toString());
        if (token != null) {
            env.put("APEXSHARE_TOKEN", token);
        } else {
            env.remove("APEXSHARE_TOKEN");
        }
        return this;
    }

    /** Sets (or, with null, removes) an environment variable of the client. */
    public CliRunner env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public CliRunner browser(Browser browser) {
        this.browser = browser;
        return this;
    }

    /** Where this client keeps its sign-in ({@code APEXSHARE_CONFIG_DIR}). */
    public Path configDir() {
        return configDir;
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = cli(out, err).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Starts a run in the background, for commands that wait for someone (the sign-in). */
    public Background start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ApexShareCli cli = cli(out, err);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                exit.complete(cli.run(args));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "apexshare-" + args[0]);
        thread.setDaemon(true);
        thread.start();
        return new Background(exit, out, err);
    }

    private ApexShareCli cli(StringWriter out, StringWriter err) {
        return new ApexShareCli(new PrintWriter(out, true), new PrintWriter(err, true), env)
                .retryPolicy(QUICK)
                .plainProgressInterval(Duration.ofMillis(100))
                .devicePollInterval(QUICK_POLLS)
                .browser(browser);
    }

    /** A run in progress; its output grows as it prints (StringWriter is synchronized). */
    public static final class Background {

        private final CompletableFuture<Integer> exit;
        private final StringWriter out;
        private final StringWriter err;

        Background(CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        /** Waits until stderr shows the pattern (or the run ended without it), answers its first group. */
        public String awaitErr(Pattern pattern) {
            AtomicReference<String> found = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                Matcher matcher = pattern.matcher(err.toString());
                if (matcher.find()) {
                    found.set(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
                    return true;
                }
                if (exit.isDone()) {
                    throw new AssertionError("the run ended (" + exit.getNow(null) + ") without printing " + pattern
                            + "; stderr:\n" + err);
                }
                return false;
            });
            return found.get();
        }

        /** Waits for the run to end. */
        public Run finish() {
            try {
                int code = exit.get(2, TimeUnit.MINUTES);
                return new Run(code, out.toString(), err.toString());
            } catch (ExecutionException e) {
                throw new AssertionError("the run threw", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (TimeoutException e) {
                throw new AssertionError("the run did not end; stderr:\n" + err, e);
            }
        }
    }
}
