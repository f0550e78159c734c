package com.apexshare.upload.upload;

/** S3 could not be reached or answered with an error the service cannot act on. */
public class StorageUnavailable extends RuntimeException {

    public StorageUnavailable(String operation, Throwable cause) {
        super("S3 " + operation + " failed: " + cause.getMessage(), cause);
    }
}
