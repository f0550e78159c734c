package com.apexshare.notification.email;

/** The emails the service sends, at most one of each per upload. */
public enum EmailKind {
    /** The student's download link, once the upload is complete. */
    STUDENT_LINK,
    /** The trainer's note that the student opened the link for the first time. */
    TRAINER_FIRST_DOWNLOAD,
    /**
     * The trainer's note that the student's email hard-bounced, was complained about, rejected or suppressed: the
     * address needs correcting.
     */
    TRAINER_DELIVERY_PROBLEM
}
