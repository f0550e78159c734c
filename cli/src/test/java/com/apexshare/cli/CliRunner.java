package com.apexshare.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.apexshare.cli.api.RetryPolicy;

/** Runs the client in the test JVM, as the end-to-end run does, and keeps what it printed. */
public final class CliRunner {

    /** Retries without real waiting, so failure tests stay fast. */
    public static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

    /** One run: exit code, stdout, stderr. */
    public record Run(int exitCode, String out, String err) {
    }

    private final Map<String, String> env = new HashMap<>();

    public CliRunner(Path home) {
        env.put("APEXSHARE_HOME", home.toString());
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

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new ApexShareCli(new PrintWriter(out, true), new PrintWriter(err, true), env)
                .retryPolicy(QUICK)
                .plainProgressInterval(Duration.ofMillis(100))
                .run(args);
        return new Run(code, out.toString(), err.toString());
    }
}
