package com.apexshare.download.link.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.apexshare.devstack.DevStack;
import com.apexshare.download.DownloadServiceTestSupport;
import com.apexshare.download.link.DownloadUrlSigner;
import com.apexshare.download.link.LinkFixture;

/** CloudFront signing off (the default): links still get S3 presigned URLs, and no CloudFront bean exists. */
class CloudFrontOffIntegrationTest extends DownloadServiceTestSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    DownloadUrlSigner signer;

    @Test
    void shouldRedirectToAnS3PresignedUrlAsBeforeWhenCloudFrontIsOff() throws Exception {
        // Given the service with its default settings and a finished upload
        byte[] content = LinkFixture.randomBytes(4096);
        LinkFixture.Upload upload = fixture.ready("plain.mp4", content);
        String client = freshClientAddress();

        // When the student opens the link
        HttpResponse<String> redirect = awaitStatus("/d/" + upload.token(), client, 302);

        // Then the URL is S3's (SigV4 presigned, 5 minutes), not CloudFront's, and it downloads the bytes
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(location.getHost()).isEqualTo(DevStack.s3().endpoint().getHost());
        assertThat(location.getQuery()).contains("X-Amz-Signature=", "X-Amz-Expires=300")
                .doesNotContain("Key-Pair-Id", "Signature=&");
        assertThat(signer.getClass().getSimpleName()).isEqualTo("S3DownloadUrlSigner");
        assertThat(context.getBeansOfType(CloudFrontConfiguration.class)).isEmpty();
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(location).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
    }
}
