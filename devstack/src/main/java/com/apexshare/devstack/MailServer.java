package com.apexshare.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP and IMAP server (GreenMail) on loopback that keeps every received message for inspection; IMAP serves
 * the mailboxes (a bounce mailbox read by notification-service, for one).
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** @param port SMTP port, 0 for a free one (bound at once: no other process can take it in between) */
    public static MailServer start(int port) {
        return start(port, 0);
    }

    /**
     * @param port     SMTP port, 0 for a free one (bound at once: no other process can take it in between)
     * @param imapPort IMAP port, 0 for a free one
     */
    public static MailServer start(int port, int imapPort) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        // Starting takes milliseconds; the margin is for a loaded machine.
        smtp.setServerStartupTimeout(60_000);
        imap.setServerStartupTimeout(60_000);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        greenMail.start();
        return new MailServer(greenMail);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** IMAP port; a mailbox's login is set up with {@code greenMail().setUser(address, login, password)}. */
    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The GreenMail instance: received messages, purge, user management. */
    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
