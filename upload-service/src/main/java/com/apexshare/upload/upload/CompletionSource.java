package com.apexshare.upload.upload;

/** Which signal reported that an upload's bytes are in S3. */
public enum CompletionSource {
    /** The trainer's client called {@code complete}. */
    CLIENT,
    /** S3 sent an ObjectCreated notification. */
    S3_NOTIFICATION
}
