package com.apexshare.notification.support;

import java.util.UUID;

/** Delivery status notifications (RFC 3464) and feedback reports (RFC 5965) as receiving mail servers write them. */
public final class Dsn {

    private Dsn() {
    }

    /**
     * A bounce as Postfix writes it.
     *
     * @param to                the address it is sent to (the VERP return path, or a plain bounce address)
     * @param action            {@code failed}, {@code delayed}, {@code delivered}
     * @param status            enhanced status code, e.g. {@code 5.1.1}
     * @param originalMessageId the bounced message's Message-ID without angle brackets; null to return no headers
     */
    public static String bounce(String to, String student, String action, String status, String originalMessageId) {
        String boundary = "dsn-" + UUID.randomUUID();
        StringBuilder raw = new StringBuilder()
                .append("From: Mail Delivery System <MAILER-DAEMON@mx.riders.test>\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Subject: Undelivered Mail Returned to Sender\r\n")
                .append("Date: Sun, 18 May 2025 09:31:00 +0000\r\n")
                .append("Message-ID: <").append(UUID.randomUUID()).append("@mx.riders.test>\r\n")
                .append("Auto-Submitted: auto-replied\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"")
                .append(boundary).append("\"\r\n\r\n")
                .append("--").append(boundary).append("\r\n")
                .append("Content-Type: text/plain; charset=us-ascii\r\n\r\n")
                .append("This is the mail system at host mx.riders.test.\r\n\r\n")
                .append("<").append(student).append(">: host mx.riders.test said: 550 5.1.1 <").append(student)
                .append(">: Recipient address rejected: User unknown\r\n\r\n")
                .append("--").append(boundary).append("\r\n")
                .append("Content-Type: message/delivery-status\r\n\r\n")
                .append("Reporting-MTA: dns; mx.riders.test\r\n")
                .append("X-Postfix-Queue-ID: 4BZ9X22QzTz9sWd\r\n")
                .append("Arrival-Date: Sun, 18 May 2025 09:30:00 +0000\r\n\r\n")
                .append("Final-Recipient: rfc822; ").append(student).append("\r\n")
                .append("Original-Recipient: rfc822;").append(student).append("\r\n")
                .append("Action: ").append(action).append("\r\n")
                .append("Status: ").append(status).append("\r\n")
                .append("Remote-MTA: dns; mx.riders.test\r\n")
                .append("Diagnostic-Code: smtp; 550 5.1.1 <").append(student)
                .append(">: Recipient address rejected: User unknown\r\n\r\n");
        if (originalMessageId != null) {
            raw.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: text/rfc822-headers\r\n\r\n")
                    .append("Message-ID: <").append(originalMessageId).append(">\r\n")
                    .append("From: ApexShare <no-reply@apexshare.test>\r\n")
                    .append("To: ").append(student).append("\r\n")
                    .append("Subject: Your riding session video is ready\r\n\r\n");
        }
        return raw.append("--").append(boundary).append("--\r\n").toString();
    }

    /** A spam complaint in the Abuse Reporting Format, with the original message's headers. */
    public static String complaint(String to, String originalMessageId) {
        String boundary = "arf-" + UUID.randomUUID();
        return "From: abuse@isp.test\r\nTo: " + to + "\r\nSubject: Abuse report\r\n"
                + "Date: Sun, 18 May 2025 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nThis is an abuse report.\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: message/feedback-report\r\n\r\n"
                + "Feedback-Type: abuse\r\nUser-Agent: isp-fbl/1.0\r\nVersion: 1\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "Message-ID: <" + originalMessageId + ">\r\nSubject: Your video\r\n\r\n"
                + "--" + boundary + "--\r\n";
    }
}
