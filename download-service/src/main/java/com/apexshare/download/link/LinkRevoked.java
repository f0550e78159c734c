package com.apexshare.download.link;

/**
 * The link was valid but the trainer has revoked it: all links of the upload, or this one because the trainer corrected
 * the student's address (the new address got a new link).
 */
public class LinkRevoked extends RuntimeException {

    public LinkRevoked() {
        super("This download link has been withdrawn by your trainer and no longer works. If you still need the video, "
                + "ask your trainer to send it again.", null, false, false);
    }
}
