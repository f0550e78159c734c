package com.apexshare.upload.s3;

/** A part as the client reports it for completion. */
public record PartETag(int partNumber, String eTag) {
}
