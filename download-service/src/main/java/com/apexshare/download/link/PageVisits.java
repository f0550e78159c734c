package com.apexshare.download.link;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The student page's honest counts: describing a link counts nothing, and starting playback or the download counts
 * once per visit (one visit id per browser tab and link), however often the page asks for a fresh URL. The visit is
 * recorded in the opening's transaction, so a visit counts exactly when its {@code Downloaded} is in the outbox.
 */
public class PageVisits {

    private final DownloadLinks links;
    private final VisitLog visits;

    public PageVisits(DownloadLinks links, VisitLog visits) {
        this.links = links;
        this.visits = visits;
    }

    /** What the link offers, with the same checks as an opening; no URL, nothing counted. */
    public DownloadLinks.VideoInfo describe(String token) {
        return links.describe(token);
    }

    /**
     * A fresh presigned URL for the visit; counted only on the visit's first start.
     *
     * @throws LinkNotFound malformed, unknown or not yet downloadable
     * @throws LinkExpired  past the link's or the upload's end
     * @throws VideoRemoved the upload was aborted or removed
     */
    public DownloadLinks.OpenedLink start(String token, UUID visitId, String userAgent) {
        return links.open(token, DownloadChannel.API, userAgent, (tokenSha256, now) ->
                visits.recordFirst(tokenSha256, visitId, now) ? Optional.of(downloadId(tokenSha256, visitId))
                        : Optional.empty());
    }

    /**
     * Name-based (RFC 4122 version 3) on the link's hash and the visit, so that even a visit recorded twice (it cannot
     * be, by the table's key) would be one download to the consumers, who count each download id once.
     */
    static UUID downloadId(String tokenSha256, UUID visitId) {
        return UUID.nameUUIDFromBytes(("apexshare-link-visit:" + tokenSha256 + ":" + visitId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
