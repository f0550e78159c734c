package com.apexshare.cli.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code credentials.json}: owner-only, replaced atomically, one sign-in per API URL, changes under a lock. */
class CredentialStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldCreateAnOwnerOnlyDirectoryAndFileAndReadThemBack() throws IOException {
        // Given no config directory yet
        CredentialStore store = new CredentialStore(dir.resolve("config").resolve("apexshare"));

        // When a sign-in is saved
        store.save(signIn("http://127.0.0.1:8080", "a1"));

        // Then directory and file are owner-only, no temporary file is left, and it reads back
        assertThat(permissions(dir.resolve("config").resolve("apexshare"))).isEqualTo("rwx------");
        assertThat(permissions(store.file())).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(store.file().getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("credentials.json", "credentials.lock");
        }
        assertThat(store.find("http://127.0.0.1:8080")).hasValueSatisfying(s -> {
            assertThat(s.accessToken()).isEqualTo("a1");
            assertThat(s.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(900));
        });
        assertThat(store.find("http://127.0.0.1:9999")).isEmpty();
    }

    @Test
    void shouldTightenAWiderDirectoryAndFile() throws IOException {
        // Given a config directory and file others can read (made by hand)
        Path config = Files.createDirectories(dir.resolve("wide"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwxr-xr-x"));
        CredentialStore store = new CredentialStore(config);
        Files.writeString(store.file(), "{}");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        // When a sign-in is saved, Then both are owner-only again
        store.save(signIn("http://api", "a1"));
        assertThat(permissions(config)).isEqualTo("rwx------");
        assertThat(permissions(store.file())).isEqualTo("rw-------");
    }

    @Test
    void shouldKeepOneSignInPerApiUrlAndDeleteTheFileWithTheLast() {
        // Given sign-ins for two APIs, the first signed in twice
        CredentialStore store = new CredentialStore(dir);
        store.save(signIn("http://one", "a1"));
        store.save(signIn("http://two", "b1"));
        store.save(signIn("http://one", "a2"));

        // Then the later sign-in replaced the earlier one of its API only
        assertThat(store.read().signIns()).extracting(StoredSignIn::accessToken).containsExactlyInAnyOrder("a2", "b1");

        // When both are removed, Then the file goes with the last; removing again finds nothing
        assertThat(store.remove("http://one")).isTrue();
        assertThat(Files.exists(store.file())).isTrue();
        assertThat(store.remove("http://two")).isTrue();
        assertThat(Files.exists(store.file())).isFalse();
        assertThat(store.remove("http://two")).isFalse();
    }

    @Test
    void shouldTreatAnUnreadableFileAsNoSignInAndReplaceItOnTheNextSave() throws IOException {
        // Given a damaged file
        CredentialStore store = new CredentialStore(dir);
        Files.writeString(store.file(), "{\"signIns\": [ {\"apiUrl\": ");

        // Then nothing is found, and a sign-in replaces it whole
        assertThat(store.find("http://one")).isEmpty();
        store.save(signIn("http://one", "a1"));
        assertThat(store.find("http://one")).isPresent();
    }

    @Test
    void shouldLoseNoSignInWhenManySaveAtOnce() throws Exception {
        // Given 8 threads saving a sign-in each for its own API at the same time
        CredentialStore store = new CredentialStore(dir);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> saves = new ArrayList<>();
            IntStream.range(0, 8).forEach(i -> saves.add(threads.submit(() ->
                    new CredentialStore(dir).save(signIn("http://api-" + i, "t" + i)))));
            for (Future<?> save : saves) {
                save.get();
            }
        } finally {
            threads.shutdown();
        }

        // Then every one of them is in the file (each read-modify-write held the lock)
        assertThat(store.read().signIns()).hasSize(8);
    }

    private static StoredSignIn signIn(String api, String accessToken) {
        return StoredSignIn.of(api, "http://issuer", "apexshare-cli", "device",
                new TokenGrant(accessToken, "refresh-" + accessToken, null, 900L, "profile"), NOW);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
