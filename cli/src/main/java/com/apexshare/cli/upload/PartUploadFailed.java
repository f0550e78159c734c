package com.apexshare.cli.upload;

/** A part (or the single PUT) could not be stored in S3, even after retries. */
final class PartUploadFailed extends Exception {

    private final int partNumber;

    PartUploadFailed(int partNumber, String message, Throwable cause) {
        super(message, cause);
        this.partNumber = partNumber;
    }

    int partNumber() {
        return partNumber;
    }
}
