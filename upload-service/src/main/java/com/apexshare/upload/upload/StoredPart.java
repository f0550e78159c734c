package com.apexshare.upload.upload;

/** A part S3 holds for a multipart upload. ETag without quotes. */
public record StoredPart(int partNumber, String eTag, long size) {
}
