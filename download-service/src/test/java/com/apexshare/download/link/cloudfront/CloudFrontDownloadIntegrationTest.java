package com.apexshare.download.link.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;
import com.apexshare.download.DownloadServiceHttp;
import com.apexshare.download.link.ContentDispositions;
import com.apexshare.download.link.DownloadUrlSigner;
import com.apexshare.download.link.LinkFixture;
import com.apexshare.platform.aws.AwsClientSettings;
import com.apexshare.platform.aws.S3Clients;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * download-service with CloudFront signing on, against the devstack servers: a link redirects to a CloudFront URL
 * whose canned policy verifies with the public key of the pair whose private half is mounted as a file. There is no
 * CloudFront here; what the distribution would then ask S3 (the path and the two forwarded query parameters, signed by
 * Origin Access Control) is replayed against S3Proxy. A context of its own (database, consumer group), closed
 * afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CloudFrontDownloadIntegrationTest extends DownloadServiceHttp {

    private static final String DATABASE = "download_cloudfront";
    private static final String GROUP = "download-cloudfront-test";
    private static final String DOMAIN = "d111111abcdef8.cloudfront.net";
    private static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KeyPair KEYS = CloudFrontKeys.generate();
    private static final Path KEY_DIR = tempDir();

    @Autowired
    DownloadUrlSigner signer;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        servers(registry, DATABASE);
        registry.add("apexshare.download.consumer-group", () -> GROUP);
        Path pem = CloudFrontKeys.writePrivateKeyPem(KEYS, KEY_DIR.resolve("private-key.pem"));
        registry.add("apexshare.download.cloudfront.enabled", () -> "true");
        registry.add("apexshare.download.cloudfront.domain", () -> DOMAIN);
        registry.add("apexshare.download.cloudfront.key-pair-id", () -> KEY_PAIR_ID);
        registry.add("apexshare.download.cloudfront.private-key-file", pem::toString);
    }

    @AfterAll
    static void removeKey() throws IOException {
        Files.deleteIfExists(KEY_DIR.resolve("private-key.pem"));
        Files.deleteIfExists(KEY_DIR);
    }

    @Test
    void shouldRedirectToASignedCloudFrontUrlThatVerifiesWithThePublicKey() throws Exception {
        // Given a finished, e-mailed upload
        byte[] content = LinkFixture.randomBytes(300_000);
        LinkFixture.Upload upload = fixture.ready("session-42.mp4", content);
        String client = freshClientAddress();

        // When the student opens the link
        Instant before = Instant.now();
        HttpResponse<String> redirect = awaitStatus("/d/" + upload.token(), client, 302);
        Instant after = Instant.now();

        // Then it redirects to the distribution, for the object, signed with the configured key pair
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(signer).isInstanceOf(CloudFrontDownloadUrlSigner.class);
        assertThat(location.getScheme()).isEqualTo("https");
        assertThat(location.getHost()).isEqualTo(DOMAIN);
        assertThat(location.getPath()).isEqualTo("/" + upload.objectKey());
        assertThat(location.getQuery()).doesNotContain("X-Amz-");
        assertThat(redirect.headers().firstValue("Cache-Control")).hasValue("no-store");
        CloudFrontUrls signed = CloudFrontUrls.parse(location);
        assertThat(signed.keyPairId()).isEqualTo(KEY_PAIR_ID);
        assertThat(signed.verifiesWith(KEYS.getPublic())).isTrue();
        assertThat(signed.verifiesWith(CloudFrontKeys.generate().getPublic())).isFalse();

        // And it expires url-expiry (5 minutes) after the opening, to the second
        assertThat(signed.expires()).isBetween(before.plus(Duration.ofMinutes(5)).minusSeconds(1),
                after.plus(Duration.ofMinutes(5)));

        // And it asks for the same attachment name and media type as the S3 presigned URL
        assertThat(signed.query()).containsEntry("response-content-disposition",
                ContentDispositions.attachment("session-42.mp4")).containsEntry("response-content-type", "video/mp4");

        // And what CloudFront forwards to the bucket (path + cache policy's query strings, signed by OAC) gets the
        // exact bytes of a range, as an attachment of the original name
        ResponseBytes<GetObjectResponse> range = originRequest(location, "bytes=1000-1999");
        assertThat(range.asByteArray()).isEqualTo(Arrays.copyOfRange(content, 1000, 2000));
        assertThat(range.response().contentRange()).isEqualTo("bytes 1000-1999/300000");
        assertThat(range.response().contentDisposition())
                .isEqualTo("attachment; filename=\"session-42.mp4\"; filename*=UTF-8''session-42.mp4");
        assertThat(range.response().contentType()).isEqualTo("video/mp4");
    }

    @Test
    void shouldAnswerTheCloudFrontUrlAndItsExpiryOnTheApi() throws Exception {
        // Given a finished upload whose name is not ASCII
        String name = "Größe – Kurve ë 東京.mp4";
        LinkFixture.Upload upload = fixture.ready(name, LinkFixture.randomBytes(2048));
        String client = freshClientAddress();

        // When the frontend asks the API about the link
        HttpResponse<String> response = awaitStatus("/api/v1/downloads/" + upload.token(), client, 200);

        // Then the download URL is a signed CloudFront URL, and downloadUrlExpiresAt is its Expires
        JsonNode data = JSON.readTree(response.body()).get("data");
        URI url = URI.create(data.get("downloadUrl").asString());
        CloudFrontUrls signed = CloudFrontUrls.parse(url);
        assertThat(url.getHost()).isEqualTo(DOMAIN);
        assertThat(signed.verifiesWith(KEYS.getPublic())).isTrue();
        assertThat(Instant.parse(data.get("downloadUrlExpiresAt").asString())).isEqualTo(signed.expires());

        // And the object the distribution would fetch is the upload's, under its exact name
        assertThat(URLDecoder.decode(url.getRawPath().substring(1).replace("+", "%2B"), StandardCharsets.UTF_8))
                .isEqualTo(upload.objectKey());
        ResponseBytes<GetObjectResponse> whole = originRequest(url, null);
        assertThat(whole.response().contentDisposition()).isEqualTo(ContentDispositions.attachment(name));
        assertThat(whole.asByteArray()).isEqualTo(upload.content());
    }

    /**
     * The request Origin Access Control makes for a viewer request of the URL: the decoded path as the key, the two
     * query strings the cache policy forwards, the viewer's Range; signed with the service's S3 credentials here.
     */
    private static ResponseBytes<GetObjectResponse> originRequest(URI url, String range) {
        CloudFrontUrls signed = CloudFrontUrls.parse(url);
        String key = URLDecoder.decode(url.getRawPath().substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        S3Store store = DevStack.s3();
        try (S3Client s3 = S3Clients.client(new AwsClientSettings(S3Store.REGION, store.endpoint().toString(), true,
                S3Store.ACCESS_KEY, S3Store.SECRET_KEY))) {
            return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).range(range)
                    .responseContentDisposition(signed.query().get("response-content-disposition"))
                    .responseContentType(signed.query().get("response-content-type")));
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("cloudfront-key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
