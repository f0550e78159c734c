package com.apexshare.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a browser can open on this machine, as the sign-in decides its flow. */
class SystemBrowserTest {

    @Test
    void shouldSeeABrowserOnLinuxOnlyWithADisplay() {
        assertThat(browser(Map.of(), "Linux").available()).isFalse();
        assertThat(browser(Map.of("DISPLAY", ":0"), "Linux").available()).isTrue();
        assertThat(browser(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux").available()).isTrue();
        // SSH with X forwarding sets DISPLAY: the browser opens on the trainer's screen
        assertThat(browser(Map.of("SSH_CONNECTION", "10.0.0.1 22 10.0.0.2 5000", "DISPLAY", "localhost:10.0"), "Linux")
                .available()).isTrue();
    }

    @Test
    void shouldSeeABrowserOnMacAndWindowsUnlessReachedOverSsh() {
        assertThat(browser(Map.of(), "Mac OS X").available()).isTrue();
        assertThat(browser(Map.of(), "Windows 11").available()).isTrue();
        assertThat(browser(Map.of("SSH_TTY", "/dev/ttys001"), "Mac OS X").available()).isFalse();
        assertThat(browser(Map.of("SSH_CLIENT", "10.0.0.1 5000 22"), "Windows 11").available()).isFalse();
    }

    @Test
    void shouldTrustBrowserWhenItIsSet() {
        assertThat(browser(Map.of("BROWSER", "w3m"), "Linux").available()).isTrue();
    }

    @Test
    void shouldOpenThePageWithTheBrowserCommand(@TempDir Path dir) throws IOException {
        // Given $BROWSER naming a program (here one that notes the page it was given)
        Path opened = dir.resolve("opened.txt");
        Path program = Files.writeString(dir.resolve("browser.sh"), "#!/bin/sh\nprintf '%s' \"$1\" > " + opened + "\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        URI page = URI.create("http://127.0.0.1:8090/oauth2/authorize?response_type=code&state=x");

        // When the page is opened
        boolean started = browser(Map.of("BROWSER", program.toString()), "Linux").open(page);

        // Then that program got it
        assertThat(started).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(opened)
                && Files.readString(opened).equals(page.toString()));
    }

    @Test
    void shouldNotTryToOpenAnythingWithoutADisplay() {
        assertThat(browser(Map.of(), "Linux").open(URI.create("http://127.0.0.1/"))).isFalse();
    }

    private static SystemBrowser browser(Map<String, String> env, String os) {
        return new SystemBrowser(env::get, os);
    }
}
