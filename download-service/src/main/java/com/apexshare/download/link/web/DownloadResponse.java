package com.apexshare.download.link.web;

import java.time.Instant;
import java.time.LocalDate;

import com.apexshare.download.link.DownloadLinks;

/**
 * The brief's download answer, plus the URL's own expiry and the media type.
 *
 * @param downloadUrl          presigned GET URL; supports range requests
 * @param downloadUrlExpiresAt when the URL stops working (open the link again for a fresh one)
 * @param videoInfo            what is being downloaded
 */
record DownloadResponse(String downloadUrl, Instant downloadUrlExpiresAt, VideoInfo videoInfo) {

    /**
     * @param expiresAt when the link itself stops working (the upload's retention end)
     */
    record VideoInfo(String fileName, Long fileSize, String contentType, LocalDate sessionDate, String trainerName,
            String notes, Instant expiresAt) {

        static VideoInfo of(DownloadLinks.VideoInfo v) {
            return new VideoInfo(v.fileName(), v.fileSize(), v.contentType(), v.sessionDate(), v.trainerName(),
                    v.notes(), v.expiresAt());
        }
    }

    static DownloadResponse of(DownloadLinks.OpenedLink link) {
        return new DownloadResponse(link.downloadUrl().toString(), link.downloadUrlExpiresAt(),
                VideoInfo.of(link.video()));
    }
}
