package com.apexshare.cli.upload;

/** What the trainer says about the files of one {@code upload} command. */
record UploadMetadata(String studentEmail, String studentName, String trainerName, String sessionDate, String notes) {

    /** A fingerprint of what initiate is told about a file, so that a re-run with other details does not resume. */
    String fingerprint(String fileName, String contentType) {
        return FileIdentity.sha256Hex(String.join("\u0000", studentEmail, studentName, nullToEmpty(trainerName),
                sessionDate, nullToEmpty(notes), fileName, contentType)).substring(0, 32);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
