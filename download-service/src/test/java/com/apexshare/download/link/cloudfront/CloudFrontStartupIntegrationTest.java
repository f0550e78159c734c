package com.apexshare.download.link.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import com.apexshare.download.DownloadServiceApplication;
import com.apexshare.download.DownloadServiceHttp;

/**
 * download-service refuses to start when CloudFront signing is on and its key cannot be used, naming the setting;
 * against the devstack servers, as a pod would start.
 */
class CloudFrontStartupIntegrationTest {

    private static final String DATABASE = "download_cloudfront_startup";

    @TempDir
    Path dir;

    @Test
    void shouldRefuseToStartWhenThePrivateKeyFileIsMissing() {
        // Given CloudFront on, with the key file's secret not mounted
        Path missing = dir.resolve("cloudfront/private-key.pem");

        // When the service starts
        Throwable failure = start(missing);

        // Then it fails with the file setting and the path named
        InvalidCloudFrontSettings cause = invalidSettings(failure);
        assertThat(cause.problems()).containsExactly(
                CloudFrontSigningKey.PRIVATE_KEY_FILE + ": " + missing + " is not a readable file");
        FailureAnalysis analysis = new InvalidCloudFrontSettingsFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("DOWNLOAD_CLOUDFRONT_PRIVATE_KEY_FILE", missing.toString());
        assertThat(analysis.getAction()).contains("DOWNLOAD_CLOUDFRONT_ENABLED=false");
    }

    @Test
    void shouldRefuseToStartWhenTheKeyFileHoldsNoPrivateKey() throws Exception {
        // Given CloudFront on, with the public half mounted where the private one belongs
        Path publicOnly = CloudFrontKeys.writePublicKeyPem(CloudFrontKeys.generate(), dir.resolve("private-key.pem"));
        assertThat(Files.isReadable(publicOnly)).isTrue();

        // When the service starts
        Throwable failure = start(publicOnly);

        // Then it fails, naming the file setting, without the file's content
        InvalidCloudFrontSettings cause = invalidSettings(failure);
        assertThat(cause.getMessage()).contains(CloudFrontSigningKey.PRIVATE_KEY_FILE + ": " + publicOnly
                + " is not a PEM-encoded RSA private key").doesNotContain(Files.readAllLines(publicOnly).get(1));
    }

    private static Throwable start(Path keyFile) {
        Map<String, String> settings = new LinkedHashMap<>(DownloadServiceHttp.serviceProperties(DATABASE));
        settings.put("server.port", "0");
        settings.put("spring.kafka.listener.auto-startup", "false");
        settings.put("apexshare.download.cloudfront.enabled", "true");
        settings.put("apexshare.download.cloudfront.domain", "d111111abcdef8.cloudfront.net");
        settings.put("apexshare.download.cloudfront.key-pair-id", "K2JCJMDEHXQW5F");
        settings.put("apexshare.download.cloudfront.private-key-file", keyFile.toString());
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return catchThrowable(() -> {
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DownloadServiceApplication.class)
                    .run(arguments)) {
                assertThat(app.isRunning()).as("the service started with an unusable key").isFalse();
            }
        });
    }

    private static InvalidCloudFrontSettings invalidSettings(Throwable failure) {
        assertThat(failure).isNotNull();
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        assertThat(root).isInstanceOf(InvalidCloudFrontSettings.class);
        return (InvalidCloudFrontSettings) root;
    }
}
