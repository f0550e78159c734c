package com.apexshare.download.link.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.download.DownloadProperties;
import com.apexshare.download.link.ContentDispositions;
import com.apexshare.download.link.DownloadUrlSigner;

class CloudFrontDownloadUrlSignerTest {

    private static final String DOMAIN = "d111111abcdef8.cloudfront.net";
    private static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    private static final Instant NOW = Instant.parse("2026-12-01T22:30:00Z");
    private static final Duration URL_EXPIRY = Duration.ofMinutes(5);
    private static final String OBJECT_KEY = "videos/2025-06-14/6f1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e-session-42.mp4";

    private static KeyPair keys;
    private static CloudFrontSigningKey signingKey;

    @BeforeAll
    static void keyFile(@TempDir Path dir) {
        keys = CloudFrontKeys.generate();
        Path pem = CloudFrontKeys.writePrivateKeyPem(keys, dir.resolve("private-key.pem"));
        signingKey = CloudFrontSigningKey.load(new DownloadProperties.CloudFront(true, DOMAIN, KEY_PAIR_ID,
                pem.toString()));
    }

    private static CloudFrontDownloadUrlSigner signerAt(Instant now) {
        return new CloudFrontDownloadUrlSigner(signingKey, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void shouldSignACannedPolicyThatVerifiesWithThePublicKey() {
        // Given the signer with a key pair whose public half CloudFront's key group would hold
        CloudFrontDownloadUrlSigner signer = signerAt(NOW);

        // When a download URL is signed
        DownloadUrlSigner.SignedUrl url = signer.sign("apexshare-videos", OBJECT_KEY, "session-42.mp4", "video/mp4",
                URL_EXPIRY);

        // Then it is an HTTPS URL of the distribution for the object, whose canned policy verifies (SHA1withRSA)
        CloudFrontUrls signed = CloudFrontUrls.parse(url.url());
        assertThat(url.url().getScheme()).isEqualTo("https");
        assertThat(url.url().getHost()).isEqualTo(DOMAIN);
        assertThat(url.url().getPath()).isEqualTo("/" + OBJECT_KEY);
        assertThat(signed.keyPairId()).isEqualTo(KEY_PAIR_ID);
        assertThat(signed.verifiesWith(keys.getPublic())).isTrue();

        // And it expires exactly url-expiry after the clock's now, as the URL and the answer both say
        assertThat(signed.expires()).isEqualTo(NOW.plus(URL_EXPIRY));
        assertThat(url.expiresAt()).isEqualTo(NOW.plus(URL_EXPIRY));
    }

    @Test
    void shouldAskS3ForTheAttachmentNameAndMediaTypeLikeThePresignedUrl() {
        // Given a file whose name is not ASCII and has characters that need encoding
        String name = "Größe – Kurve ë 東京 & co+1.mp4";
        String key = "videos/2025-06-14/6f1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e-" + name;

        // When its URL is signed
        URI url = signerAt(NOW).sign("apexshare-videos", key, name, "video/mp4", URL_EXPIRY).url();

        // Then the query asks S3 for exactly the S3 path's Content-Disposition and Content-Type
        CloudFrontUrls signed = CloudFrontUrls.parse(url);
        assertThat(signed.query()).containsExactly(
                java.util.Map.entry("response-content-disposition", ContentDispositions.attachment(name)),
                java.util.Map.entry("response-content-type", "video/mp4"));
        // And the path names the object exactly, in a form a browser sends unchanged (only unreserved characters
        // and percent escapes), so the policy CloudFront rebuilds from the request is the one that was signed
        assertThat(URLDecoder.decode(url.getRawPath().substring(1).replace("+", "%2B"), StandardCharsets.UTF_8))
                .isEqualTo(key);
        assertThat(url.getRawPath() + url.getRawQuery()).matches("[A-Za-z0-9\\-._~/%&=?]+");
        assertThat(signed.verifiesWith(keys.getPublic())).isTrue();
    }

    @Test
    void shouldNotVerifyOnceTheExpiryOrThePathIsChanged() {
        // Given a signed URL
        URI url = signerAt(NOW).sign("apexshare-videos", OBJECT_KEY, "a.mp4", "video/mp4", URL_EXPIRY).url();
        long expires = NOW.plus(URL_EXPIRY).getEpochSecond();

        // When its expiry is stretched, or it is pointed at another object
        URI stretched = URI.create(url.toString().replace("Expires=" + expires, "Expires=" + (expires + 86_400)));
        URI otherObject = URI.create(url.toString().replace("session-42.mp4", "session-43.mp4"));

        // Then neither verifies any more, while the original does
        assertThat(CloudFrontUrls.parse(url).verifiesWith(keys.getPublic())).isTrue();
        assertThat(CloudFrontUrls.parse(stretched).verifiesWith(keys.getPublic())).isFalse();
        assertThat(CloudFrontUrls.parse(otherObject).verifiesWith(keys.getPublic())).isFalse();
        assertThat(CloudFrontUrls.parse(url).verifiesWith(CloudFrontKeys.generate().getPublic())).isFalse();
    }

    @Test
    void shouldRoundTheExpiryDownToTheSecondCloudFrontCounts() {
        // Given a clock in the middle of a second
        Instant now = NOW.plusMillis(750);

        // When a URL is signed
        DownloadUrlSigner.SignedUrl url = signerAt(now).sign("apexshare-videos", OBJECT_KEY, "a.mp4", "video/mp4",
                URL_EXPIRY);

        // Then it ends at the whole second before now + url-expiry (never later), and says so
        assertThat(CloudFrontUrls.parse(url.url()).expires()).isEqualTo(NOW.plus(URL_EXPIRY));
        assertThat(url.expiresAt()).isEqualTo(NOW.plus(URL_EXPIRY));
    }
}
