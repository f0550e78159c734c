package com.apexshare.catalog.retention;

import java.util.List;

import com.apexshare.catalog.upload.UploadEvent;

/**
 * Tells the other services that uploads are gone; returns only once the broker has acknowledged every event, and
 * throws otherwise. Never called with a database transaction open.
 */
public interface DeletionPublisher {

    void publish(List<UploadEvent.Deleted> deletions);
}
