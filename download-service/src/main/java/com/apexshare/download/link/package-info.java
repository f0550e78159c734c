/**
 * Student links: the service's own view of each upload (built from the upload and notification events), and the
 * opening of a link, which checks the token by its hash, refuses unknown, unfinished, expired or removed uploads, hands
 * out a short-lived presigned download URL and records the opening as a {@code Downloaded} event. Adapters sit in
 * sub-packages: {@code web} (HTTP), {@code s3} (presigning), {@code jdbc} (the view), {@code messaging} (events in).
 */
package com.apexshare.download.link;
