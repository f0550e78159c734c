package com.apexshare.cli.upload;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * Where one part (or the whole file) goes: a presigned URL, the headers the PUT must send with it, and when it
 * expires (null when the server did not say).
 */
record PresignedUrl(URI url, Map<String, String> headers, Instant expiresAt) {

    PresignedUrl {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
