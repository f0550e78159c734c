package com.apexshare.notification.email.messaging;

import com.apexshare.platform.kafka.UnprocessableEvent;

/**
 * An upload event that decodes but breaks its contract (a file id that is not a UUID): it can never be applied, so
 * the platform's policy sends it to the dead-letter topic at once instead of retrying it.
 */
class MalformedUploadEvent extends UnprocessableEvent {

    private static final long serialVersionUID = 1L;

    MalformedUploadEvent(String message) {
        super(message);
    }
}
