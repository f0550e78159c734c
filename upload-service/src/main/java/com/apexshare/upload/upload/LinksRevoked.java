package com.apexshare.upload.upload;

import java.util.UUID;

/** The upload's links were revoked. */
public class LinksRevoked extends RuntimeException {

    public LinksRevoked(UUID fileId) {
        super("Upload " + fileId + ": " + "The upload's links were revoked".toLowerCase(java.util.Locale.ROOT));
    }
}
