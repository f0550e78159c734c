package com.apexshare.catalog.upload.messaging;

import com.apexshare.platform.kafka.UnprocessableEvent;

/**
 * A record on an event topic that breaks the contract: undecodable bytes, an event of another type, an id that is not
 * a canonical UUID, a text the database cannot store, a time or date outside what PostgreSQL keeps. It can never be
 * applied, so the platform's error policy sends it to the dead-letter topic at once.
 */
final class MalformedUploadEvent extends UnprocessableEvent {

    MalformedUploadEvent(String message) {
        super(message);
    }

    MalformedUploadEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
