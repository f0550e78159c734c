package com.apexshare.notification.email;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The trainers' daily digests (the {@code trainer_digest} table) and what goes into them. */
public interface Digests {

    /** A trainer owed a digest today, with what it is sent to. */
    record Recipient(String trainerId, String trainerName, String trainerEmail) {
    }

    /**
     * Claims up to {@code max} trainers with an address and live uploads who have no digest for {@code day} yet; the
     * claim row is inserted first ({@code ON CONFLICT DO NOTHING}), so replicas running at once share the trainers.
     */
    List<Recipient> claim(LocalDate day, Instant now, int max);

    /** The trainer's live uploads (completed, not deleted, within their expiry), newest first, at most {@code max}. */
    List<TrainerDigest.Line> liveUploadsOf(String trainerId, Instant now, int max);

    void sent(String trainerId, LocalDate day, String providerMessageId, Instant at);

    void failed(String trainerId, LocalDate day, String reason, Instant at);
}
