package com.apexshare.devstack.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One ApexShare service as a child process ({@code java -jar <module>.jar}) with its configuration in environment
 * variables, exactly as a container would run it. Output goes to a log file. Its probes answer on its port, or on a
 * management port of its own (the gateway).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int healthPort;
    private final Map<String, String> environment;
    private final Path logFile;
    private final List<String> jvmOptions;
    private Process process;
    private boolean closed;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile,
            List<String> jvmOptions) {
        this(name, jar, port, port, environment, logFile, jvmOptions);
    }

    /** A process whose probes answer on {@code healthPort} (its management port) rather than on {@code port}. */
    public ServiceProcess(String name, Path jar, int port, int healthPort, Map<String, String> environment,
            Path logFile, List<String> jvmOptions) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.healthPort = healthPort;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** @throws IllegalStateException once closed: a run that is stopping starts nothing new */
    public ServiceProcess start() {
        return start(Map.of());
    }

    /**
     * Starts it with some settings changed for this run of the process only (the fault suite points
     * notification-service at a throttling SES this way); the next {@link #start()} uses the usual environment again.
     */
    public synchronized ServiceProcess start(Map<String, String> changedEnvironment) {
        if (closed) {
            throw new IllegalStateException(name + " is closed; not started");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " is missing; build first with "
                    + "`mvn -B -ntp -DskipTests package`");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().putAll(changedEnvironment);
        builder.environment().put("PORT", Integer.toString(port));
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        return this;
    }

    /** Waits until the service's readiness probe answers UP. */
    public void awaitReady(Duration timeout) {
        await(URI.create("http://127.0.0.1:" + healthPort + "/actuator/health/readiness"), body -> body.contains("UP"),
                timeout);
    }

    /** Waits until {@code GET path} answers 200 (a process without Actuator's probes, or a page that must be up). */
    public void awaitAnswer(String path, Duration timeout) {
        await(URI.create(baseUri() + path), body -> true, timeout);
    }

    private void await(URI uri, java.util.function.Predicate<String> ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process current = process;
            if (current == null || !current.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + logFile);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && ready.test(response.body())) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                current.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    /** Stops gracefully (SIGTERM, as Kubernetes does), forcibly after 20 s. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Kills at once (SIGKILL), as a crashed pod: no graceful shutdown, no offset commit. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** Where its probes answer: its port, or its management port. */
    public int healthPort() {
        return healthPort;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path logFile() {
        return logFile;
    }

    /** Stops it for good: a later {@link #start()} (a start-up still under way) is refused. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }
}
