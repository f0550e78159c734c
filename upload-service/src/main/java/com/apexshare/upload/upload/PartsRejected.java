package com.apexshare.upload.upload;

/** S3 refused to assemble the object from the given parts (unknown part, wrong ETag, part too small, bad order). */
public class PartsRejected extends Exception {

    public PartsRejected(String message) {
        super(message);
    }
}
