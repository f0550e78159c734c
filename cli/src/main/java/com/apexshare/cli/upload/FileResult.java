package com.apexshare.cli.upload;

import java.nio.file.Path;

/**
 * How one file's upload ended, for the summary.
 *
 * @param outcome  what happened
 * @param fileId   the upload's id, when one was started
 * @param problem  why it failed (for the trainer), or null
 * @param sent     bytes sent to S3 in this run
 * @param seconds  time taken in this run
 */
record FileResult(Path file, long size, Outcome outcome, String fileId, String problem, long sent, double seconds) {

    enum Outcome {
        UPLOADED("uploaded"), RESUMED("resumed"), ALREADY_DONE("already done"), FAILED("FAILED");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    boolean ok() {
        return outcome != Outcome.FAILED;
    }
}
