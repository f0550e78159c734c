package com.apexshare.upload.upload;

import java.util.UUID;

/** The stored object of a completed upload; the same for every retry of {@code complete}. */
public record CompletedUpload(UUID fileId, long size, String eTag) {
}
