package com.apexshare.upload.upload;

/** What the service made of an S3 ObjectCreated notification for one of its keys. */
public enum NotificationOutcome {
    /** {@code UploadCompleted} published. */
    PUBLISHED,
    /** No upload session has this file id (not an object this service started). */
    UNKNOWN_UPLOAD,
    /** The key is not the session's key. */
    KEY_MISMATCH,
    /** The upload was aborted; its object is being removed. */
    ABORTED,
    /** The object does not have the declared size. */
    SIZE_MISMATCH,
    /** The trainer deleted the completed upload (a late or repeated notification); nothing to publish. */
    DELETED
}
