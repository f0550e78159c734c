package com.apexshare.download.link.web;

import java.time.Instant;

import com.apexshare.download.link.DownloadLinks;
import com.apexshare.download.link.web.DownloadResponse.VideoInfo;

/** JSON bodies of the student page's endpoints. */
final class PageVisitResponses {

    private PageVisitResponses() {
    }

    /**
     * {@code POST …/start}.
     *
     * @param visitId one id per browser tab and link (a UUID); required
     * @param purpose {@code PLAY} or {@code DOWNLOAD}; optional and informational (both count the same)
     */
    record StartRequest(String visitId, String purpose) {
    }

    /** {@code GET …/info}: what the link offers, no URL. */
    record InfoResponse(VideoInfo videoInfo) {

        static InfoResponse of(DownloadLinks.VideoInfo video) {
            return new InfoResponse(VideoInfo.of(video));
        }
    }

    /**
     * {@code POST …/start}.
     *
     * @param downloadUrl          presigned GET URL (range requests work; attachment disposition)
     * @param downloadUrlExpiresAt when the URL stops working; start again with the same visit id for a fresh one
     * @param counted              whether this start counted as a download (the visit's first start)
     */
    record StartResponse(String downloadUrl, Instant downloadUrlExpiresAt, VideoInfo videoInfo, boolean counted) {

        static StartResponse of(DownloadLinks.OpenedLink link) {
            return new StartResponse(link.downloadUrl().toString(), link.downloadUrlExpiresAt(),
                    VideoInfo.of(link.video()), link.counted());
        }
    }
}
