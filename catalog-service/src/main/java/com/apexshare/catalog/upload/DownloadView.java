package com.apexshare.catalog.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * One applied download of an upload, for its timeline.
 *
 * @param userAgentFamily coarse client family (Chrome, curl, …); null for downloads applied before the catalog kept
 *                        it, and once the upload has expired
 * @param channel         REDIRECT, API or OTHER; null likewise
 */
public record DownloadView(UUID downloadId, Instant downloadedAt, String userAgentFamily, String channel) {
}
