package com.apexshare.cli.upload;

import java.util.Optional;

import com.apexshare.cli.api.UploadApiModel.PartsStatus;

/**
 * Whether a file's upload starts afresh or continues an interrupted one: first from the local state alone, then
 * from what the upload API says about the earlier upload.
 */
final class ResumeDecision {

    private ResumeDecision() {
    }

    /** What to do before asking the server. */
    sealed interface Local permits Start, Restart, AskServer {
    }

    /** No earlier upload of this file. */
    record Start() implements Local {
    }

    /** An earlier upload that must not be continued; abort it when it is on this API. */
    record Restart(String reason, boolean abortEarlier) implements Local {
    }

    /** An earlier upload that may be continued. */
    record AskServer(UploadState state) implements Local {
    }

    /** What to do once the server described the earlier upload. */
    sealed interface Remote permits StartAfresh, Continue, AlreadyCompleted {
    }

    record StartAfresh(String reason, boolean abortEarlier) implements Remote {
    }

    record Continue(PartsStatus status) implements Remote {
    }

    record AlreadyCompleted() implements Remote {
    }

    static Local local(Optional<UploadState> state, String metadata, String apiUrl) {
        if (state.isEmpty()) {
            return new Start();
        }
        UploadState earlier = state.get();
        if (!apiUrl.equals(earlier.apiUrl())) {
            return new Restart("the interrupted upload was started on " + earlier.apiUrl() + "; starting afresh",
                    false);
        }
        if (!metadata.equals(earlier.metadata())) {
            return new Restart("student, session date, notes or type differ from the interrupted upload; "
                    + "starting afresh", true);
        }
        return new AskServer(earlier);
    }

    /** @param status the server's description, or null when it no longer knows the upload */
    static Remote remote(PartsStatus status, long fileSize) {
        if (status == null) {
            return new StartAfresh("ApexShare no longer knows the interrupted upload; starting afresh", false);
        }
        if ("ABORTED".equals(status.status())) {
            return new StartAfresh("the interrupted upload was aborted; starting afresh", false);
        }
        if ("COMPLETED".equals(status.status())) {
            return new AlreadyCompleted();
        }
        if ("MULTIPART".equals(status.uploadMode()) && status.fileSize() != fileSize) {
            return new StartAfresh("the interrupted upload was for " + status.fileSize() + " bytes, the file has "
                    + fileSize + "; starting afresh", true);
        }
        return new Continue(status);
    }
}
