package com.apexshare.upload;

import java.time.LocalDate;

/**
 * A validated request to start an upload, with the trainer's identity from the token.
 *
 * @param originalFileName the client's file name (validated: no path parts, no control characters)
 */
public record NewUpload(String trainerId, String trainerEmail, String trainerName, String studentEmail,
        String studentName, LocalDate sessionDate, String notes, String originalFileName, long fileSize,
        String contentType) {

    @Override
    public String toString() {
        return "NewUpload[trainerId=" + trainerId + ", fileSize=" + fileSize + ", contentType=" + contentType + "]";
    }
}
