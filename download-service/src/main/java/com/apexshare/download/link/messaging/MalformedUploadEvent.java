package com.apexshare.download.link.messaging;

import com.apexshare.platform.kafka.UnprocessableEvent;

/**
 * An upload or notification event that breaks its contract (a file id that is not a UUID, a token hash that is not
 * SHA-256 hex, text the database cannot hold): it can never be applied, so it goes to the dead-letter topic at once.
 */
class MalformedUploadEvent extends UnprocessableEvent {

    MalformedUploadEvent(String message) {
        super(message);
    }
}
