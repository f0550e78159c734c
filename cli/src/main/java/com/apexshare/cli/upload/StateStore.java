package com.apexshare.cli.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.apexshare.cli.api.ApexShareApi;

import tools.jackson.core.JacksonException;

/**
 * The state files of unfinished uploads, one per file identity, in {@code <home>/uploads/<key>.json}. Written
 * atomically (a crash leaves the old file or the new one), removed when the upload completes. An unreadable file is
 * treated as absent: the worst case is a fresh upload.
 */
public final class StateStore {

    private final Path dir;

    public StateStore(Path home) {
        this.dir = home.resolve("uploads");
    }

    Path dir() {
        return dir;
    }

    Optional<UploadState> find(FileIdentity identity) {
        return read(file(identity));
    }

    void save(FileIdentity identity, UploadState state) {
        try {
            Files.createDirectories(dir);
            Path target = file(identity);
            Path temp = Files.createTempFile(dir, identity.key(), ".tmp");
            Files.write(temp, ApexShareApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the resume state in " + dir, e);
        }
    }

    void remove(FileIdentity identity) {
        try {
            Files.deleteIfExists(file(identity));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the resume state in " + dir, e);
        }
    }

    /** States of the same path under another identity: the file changed since their upload started. */
    List<UploadState> outdated(FileIdentity identity) {
        List<UploadState> found = new ArrayList<>();
        for (UploadState state : all()) {
            if (state.path().equals(identity.path().toString()) && !state.identity().equals(identity)) {
                found.add(state);
            }
        }
        return found;
    }

    /** Forgets every state of this upload (it was aborted); answers how many there were. */
    public int forget(String fileId) {
        int removed = 0;
        for (UploadState state : all()) {
            if (state.fileId().equals(fileId)) {
                remove(state.identity());
                removed++;
            }
        }
        return removed;
    }

    List<UploadState> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<UploadState> states = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .forEach(f -> read(f).ifPresent(states::add));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return states;
    }

    private Optional<UploadState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            UploadState state = ApexShareApi.JSON.readValue(Files.readAllBytes(file), UploadState.class);
            return state == null || state.fileId() == null || state.path() == null ? Optional.empty()
                    : Optional.of(state);
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    private Path file(FileIdentity identity) {
        return dir.resolve(identity.key() + ".json");
    }
}
