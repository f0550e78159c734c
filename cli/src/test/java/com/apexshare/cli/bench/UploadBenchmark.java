package com.apexshare.cli.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import com.apexshare.cli.CliRunner;
import com.apexshare.cli.UploadApiServer;
import com.apexshare.devstack.BenchmarkReport;

/**
 * Throughput of {@code apexshare upload} into the local S3 (S3Proxy, in memory) through the upload API contract
 * served in-process: a 256 MiB file in 16 MiB parts, one part at a time and four at once. On a real network the
 * uplink decides; this shows the client itself is not the bottleneck.
 */
public final class UploadBenchmark {

    private static final int MIB = 1024 * 1024;
    private static final long FILE_SIZE = 256L * MIB;

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("apexshare-cli-bench");
        Path file = randomFile(dir.resolve("bench.mp4"), FILE_SIZE);
        try (UploadApiServer api = UploadApiServer.start("bench-token")) {
            api.partSize = 16L * MIB;
            CliRunner cli = new CliRunner(dir.resolve("home")).api(api.url(), "bench-token");
            run(cli, file, 4); // warm-up
            for (int parallel : new int[] {1, 4}) {
                double seconds = run(cli, file, parallel);
                BenchmarkReport.record("cli.upload", "256 MiB, 16 MiB parts, " + parallel + " at once",
                        FILE_SIZE / 1e6 / seconds, "MB/s", "> 100 MB/s local");
            }
        } finally {
            Files.deleteIfExists(file);
        }
        System.exit(0);
    }

    private static double run(CliRunner cli, Path file, int parallel) {
        long start = System.nanoTime();
        CliRunner.Run run = cli.run("upload", file.toString(), "--student-email", "bench@example.com",
                "--student-name", "Bench", "--session-date", "2024-05-31", "--parallel", String.valueOf(parallel),
                "--quiet");
        if (run.exitCode() != 0) {
            throw new IllegalStateException("upload failed: " + run.err());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Path randomFile(Path file, long size) throws IOException {
        Random random = new Random(42);
        byte[] chunk = new byte[MIB];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                channel.write(ByteBuffer.wrap(chunk));
            }
        }
        return file;
    }
}
