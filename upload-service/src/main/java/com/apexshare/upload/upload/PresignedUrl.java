package com.apexshare.upload.upload;

import java.time.Instant;
import java.util.Map;

/**
 * A presigned request.
 *
 * @param url       the URL, secret until it expires: never logged, never put in an event
 * @param headers   headers the request must carry exactly as given (signed), besides Host and Content-Length
 * @param expiresAt when S3 stops accepting it
 */
public record PresignedUrl(String url, Map<String, String> headers, Instant expiresAt) {

    @Override
    public String toString() {
        return "PresignedUrl[expiresAt=" + expiresAt + "]";
    }
}
