package com.apexshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself: help, usage errors and their exit codes. */
class ApexShareCliTest {

    @TempDir
    Path home;

    @Test
    void shouldListTheCommandsOnHelp() {
        // Given the client, When asked for help, Then it lists the commands and exits 0
        CliRunner.Run run = new CliRunner(home).run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("upload").contains("recent").contains("status").contains("abort")
                .contains("login").contains("logout").contains("whoami").contains("APEXSHARE_TOKEN")
                .contains("APEXSHARE_ISSUER");
    }

    @Test
    void shouldExitWith2WithoutACommandOrWithAnUnknownOne() {
        // Given the client, When run without a command or with an unknown one, Then usage errors with code 2
        CliRunner.Run none = new CliRunner(home).run();
        CliRunner.Run unknown = new CliRunner(home).run("download");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("a command is missing").contains("Usage: apexshare");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument").contains("download");
    }

    @Test
    void shouldExitWith2WhenARequiredOptionIsMissing() {
        // Given an upload without the student's email, When run, Then picocli names the option, code 2
        CliRunner.Run run = new CliRunner(home).run("upload", "a.mp4", "--student-name", "Sam", "--session-date",
                "2024-05-31");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--student-email=EMAIL'");
    }

    @Test
    void shouldExitWith2OnAMalformedApiUrlOrBadLimit() {
        // Given a malformed API URL and an out-of-range limit, When run, Then both are usage errors
        CliRunner.Run url = new CliRunner(home).api("localhost:8080", "t").run("recent");
        CliRunner.Run limit = new CliRunner(home).run("recent", "--limit", "0");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).contains("--api-url / APEXSHARE_API_URL must be an http(s) URL");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit: must be between 1 and 100, not 0");
    }
}
