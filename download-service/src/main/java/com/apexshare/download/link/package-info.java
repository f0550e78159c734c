/**
 * Student links: the service's own view of each upload ({@link com.apexshare.download.link.Upload}, built from the
 * upload and notification events by {@link com.apexshare.download.link.UploadView}), and the opening of a link
 * ({@link com.apexshare.download.link.DownloadLinks}), which checks the token by its hash, refuses unknown,
 * unfinished, expired or removed uploads, hands out a short-lived presigned download URL and records the opening as a
 * {@code Downloaded} event; and the student page's counts ({@link com.apexshare.download.link.PageVisits}: describing
 * a link counts nothing, starting playback or the download counts once per visit). The ports it owns
 * ({@code LinkStore}, {@code Uploads}, {@code SentLinks}, {@code DownloadLog}, {@code VisitLog},
 * {@code DownloadUrlSigner}) are implemented in {@code persistence}, {@code messaging} and {@code s3} (or
 * {@code cloudfront}, for downloads through a CDN); {@code web} is the HTTP side.
 */
package com.apexshare.download.link;
