package com.apexshare.download.link;

/** The link was valid but its upload was aborted by the trainer or removed. */
public class VideoRemoved extends RuntimeException {

    public VideoRemoved() {
        super("This video has been removed and can no longer be downloaded. Ask your trainer to send it again.", null,
                false, false);
    }
}
