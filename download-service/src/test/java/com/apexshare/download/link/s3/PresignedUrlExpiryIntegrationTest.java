package com.apexshare.download.link.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;
import com.apexshare.download.DownloadProperties;
import com.apexshare.download.link.DownloadUrlSigner;
import com.apexshare.download.link.LinkFixture;
import com.apexshare.platform.aws.S3Clients;

/** The presigned URLs against a real S3 that checks signatures and expiry (S3Proxy). */
class PresignedUrlExpiryIntegrationTest {

    private static final String BUCKET = "download-expiry-test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldStopWorkingWhenTheConfiguredExpiryHasPassed() throws Exception {
        // Given a stored object and a signer configured like the service's
        S3Store s3 = DevStack.s3();
        byte[] content = LinkFixture.randomBytes(512);
        LinkFixture.Upload upload;
        try (LinkFixture fixture = new LinkFixture(BUCKET)) {
            upload = fixture.upload("short.mp4", content);
            fixture.store(upload);
        }
        DownloadProperties.S3 config = new DownloadProperties.S3(BUCKET, S3Store.REGION, s3.endpoint().toString(), true,
                S3Store.ACCESS_KEY, S3Store.SECRET_KEY);
        try (S3Presigner presigner = S3Clients.presigner(config.client())) {
            S3DownloadUrlSigner signer = new S3DownloadUrlSigner(presigner);

            // When a URL is signed for a few seconds
            Instant signedAt = Instant.now();
            DownloadUrlSigner.SignedUrl url = signer.sign(BUCKET, upload.objectKey(), "short.mp4", "video/mp4",
                    Duration.ofSeconds(5));

            // Then it says so, works at once, and is refused by S3 once the time has passed
            assertThat(url.url().getQuery()).contains("X-Amz-Expires=5");
            assertThat(url.expiresAt()).isBetween(signedAt.plusSeconds(3), signedAt.plusSeconds(6));
            HttpResponse<byte[]> fresh = HTTP.send(HttpRequest.newBuilder(url.url()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(fresh.statusCode()).isEqualTo(200);
            assertThat(fresh.body()).isEqualTo(content);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                HttpResponse<String> late = HTTP.send(HttpRequest.newBuilder(url.url()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(late.statusCode()).isEqualTo(403);
                assertThat(late.body()).contains("expired");
            });
            assertThat(Instant.now()).isAfterOrEqualTo(url.expiresAt());
        }
    }

    @Test
    void shouldBeRefusedWhenTampered() throws Exception {
        // Given a valid URL for one object
        S3Store s3 = DevStack.s3();
        LinkFixture.Upload upload;
        try (LinkFixture fixture = new LinkFixture(BUCKET)) {
            upload = fixture.upload("a.mp4", LinkFixture.randomBytes(64));
            fixture.store(upload);
        }
        DownloadProperties.S3 config = new DownloadProperties.S3(BUCKET, S3Store.REGION, s3.endpoint().toString(), true,
                S3Store.ACCESS_KEY, S3Store.SECRET_KEY);
        try (S3Presigner presigner = S3Clients.presigner(config.client())) {
            DownloadUrlSigner.SignedUrl url = new S3DownloadUrlSigner(presigner).sign(BUCKET, upload.objectKey(),
                    "a.mp4", "video/mp4", Duration.ofMinutes(5));

            // When its expiry is stretched by hand
            String stretched = url.url().toString().replace("X-Amz-Expires=300", "X-Amz-Expires=604800");
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(java.net.URI.create(stretched)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());

            // Then S3 refuses it
            assertThat(response.statusCode()).isEqualTo(403);
        }
    }
}
