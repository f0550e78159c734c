package com.apexshare.upload.upload;

import java.time.LocalDate;

/**
 * A validated request to start an upload, with the trainer's identity from the token.
 *
 * @param trainer     who uploads (from the token; the name from the body or the token)
 * @param student     who receives the video
 * @param sessionDate the day of the riding session
 * @param notes       the trainer's notes for the student, or null
 * @param video       the file the client is about to send
 */
public record NewUpload(Trainer trainer, Student student, LocalDate sessionDate, String notes, Video video) {

    /** The trainer: the token's subject and email, the name from the body or the token. */
    public record Trainer(String id, String name, String email) {

        @Override
        public String toString() {
            return "Trainer[id=" + id + "]";
        }
    }

    /** The student the video is for. Personal data: never logged. */
    public record Student(String email, String name) {

        @Override
        public String toString() {
            return "Student[…]";
        }
    }

    /**
     * @param originalFileName the client's file name (validated: no path parts, no control characters)
     * @param size             declared size in bytes
     * @param contentType      declared media type, lower case
     */
    public record Video(String originalFileName, long size, String contentType) {
    }

    @Override
    public String toString() {
        return "NewUpload[trainerId=" + trainer.id() + ", fileSize=" + video.size() + ", contentType="
                + video.contentType() + "]";
    }
}
