package com.apexshare.upload.upload;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the upload service needs from S3, on the one configured bucket. Failures of the store itself surface as
 * {@link StorageUnavailable}; expected answers have their own exceptions or return values.
 */
public interface ObjectStore {

    /** The bucket every key refers to. */
    String bucket();

    /** Starts a multipart upload and returns its upload id. */
    String createMultipartUpload(String key, String contentType);

    /** A presigned PUT of the whole object; signs its content type and exact length. */
    PresignedUrl presignPut(String key, String contentType, long contentLength, Duration expiry);

    /** A presigned UploadPart; signs the part's exact length. */
    PresignedUrl presignPart(String key, String uploadId, int partNumber, long contentLength, Duration expiry);

    /** Parts S3 already holds, by part number. */
    List<StoredPart> listParts(String key, String uploadId) throws MultipartUploadNotFound;

    /** Assembles the object from its parts (ascending part numbers). */
    void completeMultipartUpload(String key, String uploadId, List<PartETag> parts)
            throws MultipartUploadNotFound, PartsRejected;

    /** Size and ETag of an object, or empty when there is none. */
    Optional<StoredObject> head(String key);

    /** Drops a multipart upload and its parts; nothing happens when it is already gone. */
    void abortMultipartUpload(String key, String uploadId);

    /** Removes an object; nothing happens when there is none. */
    void delete(String key);
}
