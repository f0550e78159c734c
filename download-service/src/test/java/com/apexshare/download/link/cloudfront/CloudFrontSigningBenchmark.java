package com.apexshare.download.link.cloudfront;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import com.apexshare.download.DownloadProperties;

/**
 * CPU per signed CloudFront URL (an RSA-2048 private-key operation per opening), next to the S3 presigner's HMAC. Prints
 * numbers only. {@code mvn -B -o -q -pl download-service -am -Pbenchmarks verify
 * -Dbenchmark.mainClass=com.apexshare.download.link.cloudfront.CloudFrontSigningBenchmark}
 */
public final class CloudFrontSigningBenchmark {

    private CloudFrontSigningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("cloudfront-bench");
        Path pem = CloudFrontKeys.writePrivateKeyPem(CloudFrontKeys.generate(), dir.resolve("private-key.pem"));
        CloudFrontDownloadUrlSigner signer = new CloudFrontDownloadUrlSigner(CloudFrontSigningKey.load(
                new DownloadProperties.CloudFront(true, "d111111abcdef8.cloudfront.net", "K2JCJMDEHXQW5F",
                        pem.toString())), Clock.systemUTC());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 4; round++) {
            int n = round == 0 ? 3_000 : 5_000;
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                signer.sign("apexshare-videos", "videos/2025-06-14/6f1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e-session-" + i
                        + ".mp4", "session-" + i + ".mp4", "video/mp4", Duration.ofMinutes(5));
            }
            System.out.printf("cloudfront signing %s: %.0f us CPU, %.0f us wall per URL (%d URLs, load average %.1f)%n",
                    round == 0 ? "warm-up" : "round " + round, (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n,
                    (System.nanoTime() - wall) / 1e3 / n, n,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        Files.delete(pem);
        Files.delete(dir);
    }
}
