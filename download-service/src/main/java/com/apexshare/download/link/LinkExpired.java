package com.apexshare.download.link;

import java.time.Instant;

/** The link was valid but its upload's retention period has ended. */
public class LinkExpired extends RuntimeException {

    private final Instant expiredAt;

    public LinkExpired(Instant expiredAt) {
        super("This download link expired at " + expiredAt + " and the video has been or will be removed. "
                + "Ask your trainer to send it again.", null, false, false);
        this.expiredAt = expiredAt;
    }

    public Instant expiredAt() {
        return expiredAt;
    }
}
