package com.apexshare.upload.upload;

/** A presigned UploadPart URL for one part number. */
public record PartUrl(int partNumber, String url) {

    @Override
    public String toString() {
        return "PartUrl[" + partNumber + "]";
    }
}
