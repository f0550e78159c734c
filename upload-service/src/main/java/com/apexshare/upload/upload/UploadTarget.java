package com.apexshare.upload.upload;

/**
 * Where an upload's bytes go: the object the service chose for them (never the client), the media type they are
 * signed for, and S3's multipart upload id (null for a single PUT).
 */
public record UploadTarget(String bucket, String objectKey, String contentType, String s3UploadId) {
}
