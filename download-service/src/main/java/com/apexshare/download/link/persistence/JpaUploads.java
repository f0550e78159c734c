package com.apexshare.download.link.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.download.link.Upload;
import com.apexshare.download.link.Uploads;

/** Locks an upload's row for the fact being applied, creating it first when it does not exist yet. */
@Component
class JpaUploads implements Uploads {

    private final UploadRepository uploads;

    JpaUploads(UploadRepository uploads) {
        this.uploads = uploads;
    }

    @Override
    public Upload lockOrCreate(UUID fileId) {
        uploads.insertIfAbsent(fileId);
        return uploads.findLocked(fileId)
                .orElseThrow(() -> new IllegalStateException("Upload " + fileId + " vanished while being locked"));
    }

    @Override
    public void save(Upload upload) {
        uploads.save(upload);
    }

    @Override
    public int forgetEndedBefore(Instant cutoff) {
        return uploads.deleteEndedBefore(cutoff);
    }
}
