package com.apexshare.cli.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file as it is now: absolute path, size and modification time. A resumed upload must be of the very same bytes, so
 * any change of size or time makes a different identity, and its upload starts afresh.
 */
record FileIdentity(Path path, long size, long modifiedMillis) {

    static FileIdentity of(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + absolute, e);
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file: " + absolute);
        }
        return new FileIdentity(absolute, attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    /** The name of this identity's state file: a hash, so that paths need no escaping. */
    String key() {
        return sha256Hex(path + "\n" + size + "\n" + modifiedMillis).substring(0, 40);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
