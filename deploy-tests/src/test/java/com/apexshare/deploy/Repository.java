package com.apexshare.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the checkout, found relative to this module (Maven runs the tests in {@code deploy-tests/}). */
final class Repository {

    static final Path ROOT = locateRoot();
    static final Path CHART = ROOT.resolve("k8s/apexshare");
    static final Path PRODUCTION_VALUES = CHART.resolve("values-production.yaml");
    static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
    static final Path DOCKERIGNORE = ROOT.resolve(".dockerignore");
    static final Path DOCKERFILE = ROOT.resolve("Dockerfile");
    static final Path ROOT_POM = ROOT.resolve("pom.xml");
    static final Path INGRESS_NGINX_VALUES = ROOT.resolve("k8s/ingress-nginx-values.yaml");

    private Repository() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Path locateRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (with k8s/ and docker-compose.yml) above " + here);
    }
}
