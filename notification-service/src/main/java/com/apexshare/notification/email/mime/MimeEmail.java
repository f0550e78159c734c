package com.apexshare.notification.email.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A fully built MIME message, the same bytes for every transport.
 *
 * @param recipient the one envelope recipient (the {@code To} address)
 * @param messageId the {@code Message-ID} header, without angle brackets
 */
public record MimeEmail(UUID fileId, MimeMessage message, String recipient, String messageId) {

    /** The message as RFC 5322 bytes, as SES's raw content wants it. */
    public byte[] rawBytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Cannot serialise the email of upload " + fileId, e);
        }
    }
}
