package com.apexshare.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout: where the modules' built jars are, found from the working directory upwards. */
public final class Repository {

    private Repository() {
    }

    /** The folder that holds {@code schemas/} and {@code devstack/}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("schemas")) && Files.isDirectory(dir.resolve("devstack")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the ApexShare repository (no schemas/ and devstack/ found)");
        }
        return dir;
    }
}
