package com.apexshare.platform.app;

import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.platform.kafka.UnprocessableEvent;

/** A listener of the shape every service uses: decode, delegate, done. */
@Component
class CompletionListener {

    static final String ID = "platform-test-completions";

    private final Completions completions;

    CompletionListener(Completions completions) {
        this.completions = completions;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.Names.UPLOAD_COMPLETED)
    void onUploadCompleted(UploadCompleted event) {
        completions.apply(fileId(event.getFileId()));
    }

    private static UUID fileId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEvent("fileId is not a UUID: " + text, e);
        }
    }
}
