package com.apexshare.cli.console;

import java.net.URI;

/** The web browser of the person at this terminal, for the sign-in. The client prints every page it opens, too. */
public interface Browser {

    /** Whether a browser can show a page on this machine (a desktop session, not a bare SSH login). */
    boolean available();

    /** Tries to show the page; answers whether a browser was started. Never fails: the URL is printed anyway. */
    boolean open(URI page);
}
