package com.apexshare.upload.upload;

/** How the client sends the bytes to S3. */
public enum UploadMode {
    /** One presigned PUT of the whole file (small files). */
    SINGLE_PUT,
    /** A multipart upload: presigned UploadPart URLs, parts in parallel, resumable. */
    MULTIPART
}
