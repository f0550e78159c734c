package com.apexshare.upload.upload;

/** An object in S3 as HeadObject reports it. ETag without quotes. */
public record StoredObject(String bucket, String key, long size, String eTag) {
}
