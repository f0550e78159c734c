package com.apexshare.download.link.cloudfront;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;

import com.apexshare.download.link.ContentDispositions;
import com.apexshare.download.link.DownloadUrlSigner;

/**
 * Signs CloudFront URLs for the distribution in front of the video bucket, with a canned policy (the SDK's
 * {@link CloudFrontUtilities}): the URL works until {@code Expires} and only for exactly this path and query. The
 * query carries {@code response-content-disposition} and {@code response-content-type}, which the distribution's cache
 * policy forwards to S3 (deploy/aws CdnStack), so the browser saves the file under its original name as with an S3
 * presigned URL. Range requests pass through CloudFront unchanged. Signing is local computation (no AWS call).
 *
 * <p>The distribution has one origin, the served bucket ({@code DownloadLinks} refuses uploads in any other), so the
 * bucket is not part of the URL.
 */
class CloudFrontDownloadUrlSigner implements DownloadUrlSigner {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final CloudFrontUtilities utilities = CloudFrontUtilities.create();
    private final CloudFrontSigningKey key;
    private final Clock clock;

    CloudFrontDownloadUrlSigner(CloudFrontSigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    @Override
    public SignedUrl sign(String bucket, String objectKey, String fileName, String contentType, Duration expiry) {
        // Expires has whole seconds and CloudFront serves while now < Expires: round down, never beyond url-expiry.
        Instant expiresAt = clock.instant().plus(expiry).truncatedTo(ChronoUnit.SECONDS);
        StringBuilder resource = new StringBuilder("https://").append(key.domain()).append('/')
                .append(encode(objectKey, true))
                .append("?response-content-disposition=").append(encode(ContentDispositions.attachment(fileName), false));
        if (contentType != null && !contentType.isBlank()) {
            resource.append("&response-content-type=").append(encode(contentType, false));
        }
        software.amazon.awssdk.services.cloudfront.url.SignedUrl signed = utilities.getSignedUrlWithCannedPolicy(
                CannedSignerRequest.builder()
                        .resourceUrl(resource.toString())
                        .privateKey(key.privateKey())
                        .keyPairId(key.keyPairId())
                        .expirationDate(expiresAt)
                        .build());
        return new SignedUrl(URI.create(signed.url()), expiresAt);
    }

    /**
     * Percent-encodes every UTF-8 byte but RFC 3986's unreserved characters (and {@code /} between path segments).
     * The canned policy covers the URL exactly as written, so it must be in the one form that browsers send unchanged
     * and that CloudFront hands to S3 as is.
     */
    static String encode(String value, boolean keepSlashes) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (keepSlashes && c == '/');
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
