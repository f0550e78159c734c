package com.apexshare.upload.s3;

/** A part S3 holds for a multipart upload. ETag without quotes. */
public record StoredPart(int partNumber, String eTag, long size) {
}
