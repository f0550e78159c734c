package com.apexshare.upload.upload;

/** S3 does not know the multipart upload (completed or aborted already, or removed by a lifecycle rule). */
public class MultipartUploadNotFound extends Exception {

    public MultipartUploadNotFound(String key) {
        super("No multipart upload in progress for " + key);
    }
}
