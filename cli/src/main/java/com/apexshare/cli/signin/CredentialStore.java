package com.apexshare.cli.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.apexshare.cli.api.ApexShareApi;

import tools.jackson.core.JacksonException;

/**
 * {@code credentials.json} in the config directory: the sign-ins, one per API URL. The directory is created owner-only
 * (0700), the file is written owner-only (0600) to a temporary file and moved over the old one, so a crash leaves the
 * old file or the new one and nobody else can ever read it. Changes happen under a lock on {@code credentials.lock}
 * (other {@code apexshare} processes: two uploads in two terminals renewing the same rotating refresh token).
 */
final class CredentialStore {

    static final String FILE_NAME = "credentials.json";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    /** File locks belong to the JVM, not to a thread: threads of one JVM take turns here first. */
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    /** The file's content. */
    record Contents(List<StoredSignIn> signIns) {
        Contents {
            signIns = signIns == null ? List.of() : List.copyOf(signIns);
        }
    }

    private final Path dir;
    private final Path file;

    CredentialStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.file = this.dir.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /** The sign-in for this API URL, if any (an unreadable file counts as none: {@code login} writes a new one). */
    Optional<StoredSignIn> find(String apiUrl) {
        return read().signIns().stream().filter(s -> apiUrl.equals(s.apiUrl())).findFirst();
    }

    /** Keeps the sign-in, replacing any earlier one for its API URL. */
    void save(StoredSignIn signIn) {
        locked(() -> {
            List<StoredSignIn> all = new ArrayList<>(read().signIns());
            all.removeIf(s -> signIn.apiUrl().equals(s.apiUrl()));
            all.add(signIn);
            write(new Contents(all));
            return null;
        });
    }

    /** Forgets the sign-in for this API URL; the file goes when it was the last. Answers whether there was one. */
    boolean remove(String apiUrl) {
        return locked(() -> {
            List<StoredSignIn> all = new ArrayList<>(read().signIns());
            boolean removed = all.removeIf(s -> apiUrl.equals(s.apiUrl()));
            if (all.isEmpty()) {
                delete();
            } else if (removed) {
                write(new Contents(all));
            }
            return removed;
        });
    }

    /** Runs the work while holding the store's lock (re-entrant within this thread). */
    <T> T locked(Supplier<T> work) {
        ReentrantLock jvmLock = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
        jvmLock.lock();
        try {
            if (jvmLock.getHoldCount() > 1) {
                return work.get();
            }
            createDirectory();
            Path lockFile = dir.resolve("credentials.lock");
            Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try (FileChannel channel = posix() ? FileChannel.open(lockFile, options,
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)) : FileChannel.open(lockFile, options);
                    FileLock lock = channel.lock()) {
                return work.get();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile, e);
            }
        } finally {
            jvmLock.unlock();
        }
    }

    Contents read() {
        if (!Files.isRegularFile(file)) {
            return new Contents(List.of());
        }
        try {
            Contents contents = ApexShareApi.JSON.readValue(Files.readAllBytes(file), Contents.class);
            return contents == null ? new Contents(List.of()) : contents;
        } catch (IOException | JacksonException e) {
            // Never the parser's message: it may quote the file, tokens and all.
            return new Contents(List.of());
        }
    }

    private void write(Contents contents) {
        try {
            createDirectory();
            Path temp = posix() ? Files.createTempFile(dir, "credentials", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)) : Files.createTempFile(dir, "credentials", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    channel.write(ByteBuffer.wrap(
                            ApexShareApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(contents)));
                    channel.force(true);
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private void createDirectory() {
        try {
            if (posix()) {
                FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR);
                try {
                    Files.createDirectories(dir, ownerOnly);
                } catch (FileAlreadyExistsException e) {
                    // A file in the way: reported by the write.
                }
                if (!Files.getPosixFilePermissions(dir).equals(OWNER_ONLY_DIR)) {
                    // Our own directory; whatever made it wider, the credentials inside are nobody else's business.
                    Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
                }
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private boolean posix() {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }
}
