package com.apexshare.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on loopback that keeps every received message for inspection. */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** @param port SMTP port, 0 for a free one (bound at once: no other process can take it in between) */
    public static MailServer start(int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // Starting takes milliseconds; the margin is for a loaded machine.
        smtp.setServerStartupTimeout(60_000);
        GreenMail greenMail = new GreenMail(smtp);
        greenMail.start();
        return new MailServer(greenMail);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return greenMail.getSmtp().getPort();
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
