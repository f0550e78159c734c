package com.apexshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.apexshare.devstack.IdentityProvider;
import com.apexshare.devstack.local.LocalRun;

/**
 * The web app's browser tests ({@code web/browser-tests/system}, playwright-core driving Debian's Chromium) against
 * the whole system started as the README starts it ({@link TheSystem}: the local run on free ports): sign-in at the
 * real identity provider, uploads from the page straight to S3, a reload mid-upload counted at S3 itself, the email,
 * the dashboard, the student page from the email's link with playback and download, expired, removed and unknown
 * links; axe-core and a screenshot ({@code web/target/screenshots/}) on every page. The suite is a Node process; this
 * test gives it the system's addresses and {@link BrowserFixtures}, prints its output and fails on its exit code.
 *
 * <p>Needs {@code /usr/bin/chromium} (or {@code CHROMIUM_PATH}), which {@code .ci/run} installs, and the web module's
 * {@code node_modules} (its build ran {@code npm ci} earlier in the reactor).
 */
@ExtendWith(TheSystem.class)
class WebAppBrowserIntegrationTest {

    /** The suite's own waits are bounded; this only stops a hung browser from hanging the build. */
    private static final Duration SUITE_LIMIT = Duration.ofMinutes(15);

    /** Enough for a few failed tests with their errors and code frames. */
    private static final int FAILURE_LINES = 120;

    @Test
    void shouldPassTheWebAppsBrowserTestsAgainstTheWholeSystem(LocalRun system) throws Exception {
        // Given Debian's Chromium, the web module's test dependencies and what the suite cannot see itself
        Path web = system.repositoryRoot().resolve("web");
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        assertThat(Path.of(chromium)).as("Debian's chromium (.ci/run installs it: apt-get install chromium)")
                .isExecutable();
        assertThat(web.resolve("node_modules/playwright-core")).as("web/node_modules (npm ci of the web module)")
                .isDirectory();
        IdentityProvider.Credentials trainer = system.identity().demoTrainer();
        Path output = Files.createDirectories(web.resolve("target")).resolve("browser-tests-system.log");

        try (BrowserFixtures fixtures = BrowserFixtures.start(system)) {
            // When the suite runs against the gateway
            ProcessBuilder npm = new ProcessBuilder("npm", "run", "test:browser").directory(web.toFile())
                    .redirectErrorStream(true);
            Map<String, String> env = npm.environment();
            env.put("APEXSHARE_URL", system.apiUri().toString());
            env.put("APEXSHARE_MAIL_LOG", fixtures.uri() + "/mail");
            env.put("APEXSHARE_FIXTURES_URL", fixtures.uri().toString());
            env.put("APEXSHARE_TRAINER_USERNAME", trainer.name());
            env.put("APEXSHARE_TRAINER_PASSWORD", trainer.secret());
            env.put("CHROMIUM_PATH", chromium);
            env.put("CI", "true");
            long t0 = System.nanoTime();
            Process suite = npm.start();
            Thread printer = echo(suite, output);
            boolean finished = suite.waitFor(SUITE_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                // The browsers are the suite's children: none may outlive the build.
                suite.descendants().forEach(ProcessHandle::destroyForcibly);
                suite.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            printer.join(TimeUnit.SECONDS.toMillis(30));
            TheSystem.report("browser tests against the whole system", (System.nanoTime() - t0) / 1e9, "s");

            // Then every scenario passed
            assertThat(finished).as("the browser suite finished within %s (output: %s)", SUITE_LIMIT, output).isTrue();
            assertThat(suite.exitValue()).as("exit code of npm run test:browser (output above and in %s); %s", output,
                    failures(output)).isZero();
        }
    }

    /**
     * Vitest's own account of what failed (its "Failed Tests" section: the test, the error, the code frame), so that the
     * assertion message says it where CI keeps only the end of the build's output.
     */
    static String failures(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        int from = 0;
        while (from < lines.size() && !lines.get(from).contains("Failed Tests")) {
            from++;
        }
        if (from == lines.size()) {
            return "no \"Failed Tests\" section in the output";
        }
        return String.join(System.lineSeparator(), lines.subList(from, Math.min(lines.size(), from + FAILURE_LINES)));
    }

    /** Prints the suite's output as it comes, and keeps it in a file for the CI artefacts. */
    private static Thread echo(Process process, Path file) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); var log = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    System.out.println("[browser] " + line);
                    log.write(line);
                    log.newLine();
                    log.flush();
                }
            } catch (IOException e) {
                System.out.println("[browser] output lost: " + e);
            }
        }, "browser-suite-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
