package com.apexshare.notification;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

import com.apexshare.notification.support.Mailbox;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Hostile names and notes, and what an email written from them must (not) contain. */
final class HostileInput {

    static final String ATTACKER = "attacker@evil.test";

    static final List<String> VALUES = List.of(
            "Eve\r\nBcc: " + ATTACKER,
            "Eve\nBcc: " + ATTACKER,
            "Eve\rBcc: " + ATTACKER,
            "Eve%0d%0aBcc: " + ATTACKER,
            "Eve%0ABcc:" + ATTACKER,
            "Eve\u2028Bcc: " + ATTACKER,
            "Eve\u2029Cc: " + ATTACKER,
            "Eve\u0085Bcc: " + ATTACKER,
            "Eve\tBcc: " + ATTACKER,
            "Eve\r\n To: " + ATTACKER,
            "Eve\"\r\nX-Injected: yes",
            "X-Injected: yes\r\n",
            "Eve\r\n\r\n<html>injected body</html>",
            "Eve\r\nContent-Type: text/html\r\n\r\n<b>bold</b>",
            "=?UTF-8?B?QmNjOiBhdHRhY2tlckBldmlsLnRlc3Q=?=",
            ATTACKER + ", victim@evil.test",
            "Eve <" + ATTACKER + ">",
            "<script>alert('x')</script>",
            "\"><img src=x onerror=alert(1)>",
            "</span><a href=\"javascript:alert(1)\">click</a>",
            "<svg/onload=alert(1)>",
            "Eve\u0000\u0007\u001b[31mred",
            "Eve\u202e\u200bReversed",
            "Ève Ünïcødé 🏍\r\nSubject: hacked",
            "Eve\\r\\nBcc: literal backslashes",
            "{{7*7}} ${7*7} [(${7*7})] #{x} *{y}");

    /** Header names a well-formed email from this service may have at its top level (the relay may add some). */
    private static final Set<String> ALLOWED_HEADERS = Set.of("date", "from", "reply-to", "to", "message-id",
            "subject", "mime-version", "content-type", "auto-submitted", "received", "return-path");

    /** Tags the HTML template itself uses; anything else was injected. */
    private static final Set<String> TEMPLATE_TAGS = Set.of("!doctype", "html", "head", "meta", "title", "body", "div",
            "p", "span", "strong", "table", "tr", "td", "a", "br");
    private static final Pattern TAG = Pattern.compile("<\\s*(/?)\\s*([!a-zA-Z][a-zA-Z0-9]*)([^>]*)>");

    private HostileInput() {
    }

    /** The raw email has only the expected headers, once each, and one recipient. */
    static void assertNoInjectedHeader(byte[] raw, String recipient, String hostile) throws MessagingException {
        Map<String, List<String>> headers = Mailbox.topLevelHeaders(raw);
        assertThat(ALLOWED_HEADERS).containsAll(headers.keySet());
        for (String single : List.of("from", "to", "subject", "content-type", "message-id", "reply-to")) {
            assertThat(headers.getOrDefault(single, List.of())).as(single).hasSizeLessThanOrEqualTo(1);
        }
        MimeMessage message = Mailbox.parse(raw);
        assertThat(message.getRecipients(Message.RecipientType.TO)).hasSize(1);
        assertThat(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress())
                .isEqualTo(recipient);
        assertThat(message.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(message.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(message.getSubject()).startsWith("Your riding session video from ")
                .doesNotContainPattern("[\\r\\n\\u0085\\u2028\\u2029\\u0000-\\u001f]");
        String html = Mailbox.part(message, "html");
        assertNoInjectedHtml(html);
        if (hostile.startsWith("{{7*7}}")) {
            // Values are data, never template code: the expressions arrive as typed.
            assertThat(html).contains("{{7*7}} ${7*7} [(${7*7})] #{x} *{y}");
            assertThat(Mailbox.part(message, "plain")).contains("{{7*7}} ${7*7} [(${7*7})] #{x} *{y}");
        }
    }

    /** Only the template's own tags, one link, no script-capable attribute. */
    static void assertNoInjectedHtml(String html) {
        Matcher m = TAG.matcher(html);
        int anchors = 0;
        while (m.find()) {
            String name = m.group(2).toLowerCase();
            assertThat(TEMPLATE_TAGS).as("tag <%s> in %s", name, html).contains(name);
            String attributes = m.group(3).toLowerCase();
            assertThat(attributes).doesNotContain("onerror", "onload", "javascript:");
            if (name.equals("a") && m.group(1).isEmpty()) {
                anchors++;
            }
        }
        assertThat(anchors).isEqualTo(1);
    }
}
