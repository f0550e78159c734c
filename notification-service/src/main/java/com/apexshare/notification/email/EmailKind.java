package com.apexshare.notification.email;

/**
 * The emails the service sends. At most one of each kind per upload, except resends (one per request) and new-address
 * emails (one per link generation), which the email's {@code ref} tells apart.
 */
public enum EmailKind {
    /** The student's download link, once the upload is complete. */
    STUDENT_LINK,
    /** The trainer's note that the student opened the link for the first time. */
    TRAINER_FIRST_DOWNLOAD,
    /**
     * The trainer's note that the student's email hard-bounced, was complained about, rejected or suppressed: the
     * address needs correcting.
     */
    TRAINER_DELIVERY_PROBLEM,
    /** The student's link email again, at the trainer's request (ref: the request's event id). */
    STUDENT_RESEND,
    /** The link email to the address the trainer corrected (ref: the new link generation). */
    STUDENT_NEW_ADDRESS,
    /** The one reminder to a student who has not downloaded some time after the link email. */
    STUDENT_REMINDER,
    /** The trainer's optional daily digest (not an upload's email: sent by {@code TrainerDigestJob}, not queued). */
    TRAINER_DIGEST;

    /** Whether the email goes to the student with a link: announced by {@code EmailSent} / {@code EmailFailed}. */
    public boolean toStudent() {
        return this != TRAINER_FIRST_DOWNLOAD && this != TRAINER_DELIVERY_PROBLEM && this != TRAINER_DIGEST;
    }
}
