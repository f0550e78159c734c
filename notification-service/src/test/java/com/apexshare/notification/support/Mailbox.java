package com.apexshare.notification.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.apexshare.devstack.DevStack;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reads what arrived at the devstack SMTP server (GreenMail), and takes any raw MIME apart for assertions. */
public final class Mailbox {

    private Mailbox() {
    }

    /** The messages GreenMail received whose envelope or {@code To} is this address. */
    public static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(DevStack.smtp().greenMail().getReceivedMessages())
                .filter(m -> recipients(m).contains(address.toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            List<String> out = new ArrayList<>();
            if (all != null) {
                for (Address a : all) {
                    out.add(((InternetAddress) a).getAddress().toLowerCase(Locale.ROOT));
                }
            }
            return out;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] raw(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The top-level header block as sent: name (lower case) to every (unfolded) value, in order. */
    public static Map<String, List<String>> topLevelHeaders(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String block = (end < 0 ? text : text.substring(0, end)).replaceAll("\r\n[ \t]", " ");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new AssertionError("Not a header line: " + line);
            }
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        return headers;
    }

    /** The decoded body part of this subtype ({@code plain} or {@code html}). */
    public static String part(MimeMessage message, String subtype) {
        try {
            Object content = message.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new AssertionError("Not multipart: " + message.getContentType());
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/" + subtype)) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("No text/" + subtype + " part");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
