package com.apexshare.devstack.local;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

/** Prints every email the local SMTP server receives: recipient, subject and the link in it (local run only). */
public final class MailPrinter implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+/d/[A-Za-z0-9_-]+");

    private final GreenMail greenMail;
    private final PrintStream out;
    private final ScheduledExecutorService scheduler;
    private int printed;

    public MailPrinter(GreenMail greenMail, PrintStream out) {
        this.greenMail = greenMail;
        this.out = out;
        this.printed = greenMail.getReceivedMessages().length;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-printer");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::printNew, 500, 500, TimeUnit.MILLISECONDS);
    }

    private synchronized void printNew() {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (; printed < messages.length; printed++) {
            out.println(describe(messages[printed]));
        }
    }

    /** One line per email: recipients, subject and the link in it (what the local run prints). */
    public static String describe(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            String recipients = to == null ? "?" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(", "));
            Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
            return "[email] to: " + recipients + " | subject: " + message.getSubject()
                    + (link.find() ? " | link: " + link.group() : "");
        } catch (Exception e) {
            return "[email] (unreadable message: " + e + ")";
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
