package com.apexshare.download.link;

/**
 * No usable link for the presented token. Malformed, unknown and not-yet-downloadable links all end here with the same
 * answer, so that responses give no hint about which tokens exist.
 */
public class LinkNotFound extends RuntimeException {

    public LinkNotFound() {
        super("This download link is not valid. Check that you opened the whole link from your e-mail.", null, false,
                false);
    }
}
