package com.apexshare.catalog.retention.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Repository;

import com.apexshare.catalog.retention.ExpiringUpload;
import com.apexshare.catalog.retention.ExpiringUploads;

@Repository
class JpaExpiringUploads implements ExpiringUploads {

    private final ExpiringUploadRecords records;

    JpaExpiringUploads(ExpiringUploadRecords records) {
        this.records = records;
    }

    @Override
    public List<ExpiringUpload> lockClaimable(Instant now, int limit) {
        return records.findClaimable(now, Limit.of(limit));
    }

    @Override
    public List<ExpiringUpload> lock(Collection<UUID> fileIds) {
        return records.findByFileIdInOrderByFileId(fileIds);
    }
}
