package com.apexshare.upload.upload;

import java.util.List;
import java.util.UUID;


/** Where an upload stands, with the parts S3 already holds, so that an interrupted client resumes. */
public record UploadProgress(UUID fileId, UploadStatus status, PartPlan plan, List<StoredPart> uploadedParts) {
}
