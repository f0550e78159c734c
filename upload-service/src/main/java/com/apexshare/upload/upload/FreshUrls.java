package com.apexshare.upload.upload;

import java.time.Instant;
import java.util.List;


/** New presigned URLs: part URLs for a multipart upload, or one PUT for a single-PUT upload. */
public record FreshUrls(List<PartUrl> parts, PresignedUrl singlePut, Instant expiresAt) {
}
