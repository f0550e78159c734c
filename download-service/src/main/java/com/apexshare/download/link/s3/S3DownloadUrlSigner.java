package com.apexshare.download.link.s3;

import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

import com.apexshare.download.link.ContentDispositions;
import com.apexshare.download.link.DownloadUrlSigner;

/**
 * Presigns a GET that makes S3 answer with {@code Content-Disposition: attachment} for the original name and the
 * video's media type. The bytes, including range requests, go straight from S3 to the student: nothing streams
 * through this service. Signing is local computation (no S3 call).
 */
class S3DownloadUrlSigner implements DownloadUrlSigner {

    private final S3Presigner presigner;

    S3DownloadUrlSigner(S3Presigner presigner) {
        this.presigner = presigner;
    }

    @Override
    public SignedUrl sign(String bucket, String objectKey, String fileName, String contentType, Duration expiry) {
        GetObjectRequest get = GetObjectRequest.builder()
                .bucket(bucket)
                .key(objectKey)
                .responseContentDisposition(ContentDispositions.attachment(fileName))
                .responseContentType(contentType)
                .build();
        PresignedGetObjectRequest presigned = presigner.presignGetObject(GetObjectPresignRequest.builder()
                .signatureDuration(expiry)
                .getObjectRequest(get)
                .build());
        try {
            // X-Amz-Date has whole seconds, so S3 counts the lifetime from the signing second, not the instant.
            return new SignedUrl(presigned.url().toURI(), presigned.expiration().truncatedTo(ChronoUnit.SECONDS));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The SDK made a presigned URL that is not a URI", e);
        }
    }
}
