package com.apexshare.catalog.retention;

import org.springframework.stereotype.Component;

import com.apexshare.catalog.upload.UploadLedger;

/**
 * What the retention job works with: the uploads it claims, the store of their videos, the topic it announces
 * deletions on, and the catalog's ledger it settles them in.
 */
@Component
record RetentionPorts(ExpiringUploads uploads, ObjectStore objects, DeletionPublisher publisher,
        UploadLedger ledger) {
}
