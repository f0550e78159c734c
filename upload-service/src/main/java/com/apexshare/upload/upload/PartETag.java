package com.apexshare.upload.upload;

/** A part as the client reports it for completion. */
public record PartETag(int partNumber, String eTag) {
}
