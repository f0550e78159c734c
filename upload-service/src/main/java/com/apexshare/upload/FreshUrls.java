package com.apexshare.upload;

import java.time.Instant;
import java.util.List;

import com.apexshare.upload.s3.PresignedUrl;

/** New presigned URLs: part URLs for a multipart upload, or one PUT for a single-PUT upload. */
public record FreshUrls(List<PartUrl> parts, PresignedUrl singlePut, Instant expiresAt) {
}
