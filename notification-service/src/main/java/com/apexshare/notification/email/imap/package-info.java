/**
 * The SMTP side of delivery reports: the bounce mailbox read over IMAP(S) on a schedule, each delivery status
 * notification ({@code multipart/report; report-type=delivery-status}, RFC 3464) or feedback report (ARF, RFC 5965)
 * matched to its email by the VERP return path or by the original {@code Message-ID}, applied once, then deleted.
 */
package com.apexshare.notification.email.imap;
