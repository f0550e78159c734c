package com.apexshare.notification.email;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.events.link.LinkToken;

/**
 * Closes the window in which a student could click a link download-service does not know yet: the link is minted
 * when the email is owed and announced ({@code LinkIssued}, its hash only) in the same transaction; the email is not
 * due until download-service confirms that it serves the link ({@code LinkActivated}), which it does only once the
 * upload is known there as complete. Both hops are events through the outboxes, so the services stay decoupled and
 * nothing is lost while either is away; the email simply waits.
 */
@Component
public class StudentLinks {

    private static final Logger LOG = LoggerFactory.getLogger(StudentLinks.class);

    private final Emails emails;
    private final EmailEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    StudentLinks(Emails emails, EmailEvents events, ApplicationEventPublisher publisher, Clock clock) {
        this.emails = emails;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Mints the email's link, of the upload's current link generation, and announces it, inside the caller's
     * transaction (the email row is locked).
     */
    void issue(Email email, KnownUpload upload, Instant now) {
        LinkToken token = LinkToken.generate();
        Instant expiresAt = upload.facts().retentionUntil();
        email.issueLink(token, expiresAt, upload.linkGeneration(), now);
        events.linkIssued(email.fileId(), token.sha256Hex(), expiresAt, upload.linkGeneration(), now);
        LOG.info("Link of the {} email of upload {} issued; the email leaves once download-service confirms it",
                email.kind(), email.fileId());
    }

    /**
     * {@code LinkActivated}: download-service serves the link. The pending student email with that link (the first
     * one, a resend, a corrected address's, the reminder) becomes due at once; a repetition, or a hash no pending email
     * carries (an earlier link, a forgery, an email cancelled meanwhile), changes nothing.
     */
    @Transactional
    public void confirmed(UUID fileId, String tokenSha256) {
        Instant now = clock.instant();
        Optional<Email> email = emails.pendingOfLocked(fileId).stream()
                .filter(e -> tokenSha256.equals(e.linkTokenSha256()))
                .findFirst();
        if (email.isPresent() && email.get().confirmLink(tokenSha256, now)) {
            LOG.info("Link of the {} email of upload {} confirmed by download-service; the email is due",
                    email.get().kind(), fileId);
            publisher.publishEvent(new EmailQueued(fileId));
        } else {
            LOG.debug("LinkActivated of upload {} matches no unconfirmed link; nothing to do", fileId);
        }
    }
}
