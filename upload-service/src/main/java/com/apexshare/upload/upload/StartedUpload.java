package com.apexshare.upload.upload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;


/**
 * What the client needs to send the bytes.
 *
 * @param singlePut   the presigned PUT (single-PUT mode), else null
 * @param s3UploadId  S3's multipart upload id (multipart mode), else null
 * @param partUrls    presigned URLs of the first parts (multipart mode), else empty
 */
public record StartedUpload(UUID fileId, PartPlan plan, String objectKey, Instant expiresAt, PresignedUrl singlePut,
        String s3UploadId, List<PartUrl> partUrls) {
}
