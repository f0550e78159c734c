package com.apexshare.download.link;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Makes short-lived download URLs for stored objects. */
public interface DownloadUrlSigner {

    /**
     * @param fileName    name the browser saves the file under ({@code Content-Disposition: attachment})
     * @param contentType media type the download is served with
     */
    SignedUrl sign(String bucket, String objectKey, String fileName, String contentType, Duration expiry);

    /** A presigned URL (a secret: never logged) and when it stops working. */
    record SignedUrl(URI url, Instant expiresAt) {
    }
}
