package com.apexshare.cli.upload;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.apexshare.cli.api.ApexShareApi;
import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.api.ApiRefused;
import com.apexshare.cli.api.RetryPolicy;
import com.apexshare.cli.api.UploadApiModel.CompletedPart;
import com.apexshare.cli.api.UploadApiModel.Completion;
import com.apexshare.cli.api.UploadApiModel.InitiateRequest;
import com.apexshare.cli.api.UploadApiModel.InitiatedUpload;
import com.apexshare.cli.api.UploadApiModel.PartsStatus;
import com.apexshare.cli.api.UploadApiModel.UploadedPart;

/**
 * Uploads one file: starts it (or continues the interrupted upload of the same file), sends its bytes to S3, completes
 * it. Never throws for a refusal or a failed transfer: the result says what went wrong, and the state file stays so
 * that a re-run resumes.
 */
final class FileUploader {

    /** Part URLs asked for at once: enough to keep the parts flowing, few enough to stay fresh. */
    static final int URL_BATCH = 100;

    private final ApexShareApi api;
    private final StateStore states;
    private final RetryPolicy retry;
    private final int parallel;
    private final Clock clock;
    private final HttpClient http;
    private final ProgressReporter.Mode mode;
    private final PrintWriter err;
    private final Duration plainInterval;

    FileUploader(ApexShareApi api, StateStore states, HttpClient http, RetryPolicy retry, int parallel,
            Clock clock, ProgressReporter.Mode mode, PrintWriter err, Duration plainInterval) {
        this.api = api;
        this.states = states;
        this.http = http;
        this.retry = retry;
        this.parallel = parallel;
        this.clock = clock;
        this.mode = mode;
        this.err = err;
        this.plainInterval = plainInterval;
    }

    FileResult upload(Path file, String contentType, UploadMetadata metadata) {
        long started = System.nanoTime();
        FileIdentity identity;
        try {
            identity = FileIdentity.of(file);
        } catch (IOException e) {
            return failed(file, 0, null, e.getMessage(), 0, started);
        }
        String name = file.getFileName().toString();
        String fingerprint = metadata.fingerprint(name, contentType);
        String apiUrl = api.baseUrl().toString();
        String fileId = null;
        long[] sent = {0};
        try {
            for (UploadState outdated : states.outdated(identity)) {
                say(name, "the file changed since its interrupted upload; starting afresh");
                states.remove(outdated.identity());
                if (apiUrl.equals(outdated.apiUrl())) {
                    abortQuietly(outdated.fileId());
                }
            }
            Optional<UploadState> state = states.find(identity);
            ResumeDecision.Local local = ResumeDecision.local(state, fingerprint, apiUrl);
            if (local instanceof ResumeDecision.AskServer ask) {
                fileId = ask.state().fileId();
                ResumeDecision.Remote remote = ResumeDecision.remote(partsOrNull(fileId), identity.size());
                if (remote instanceof ResumeDecision.AlreadyCompleted) {
                    states.remove(identity);
                    say(name, "already uploaded (file id " + fileId + ")");
                    return result(file, identity.size(), FileResult.Outcome.ALREADY_DONE, fileId, null, 0, started);
                }
                if (remote instanceof ResumeDecision.Continue resume) {
                    resume(name, identity, fileId, resume.status(), sent);
                    states.remove(identity);
                    return result(file, identity.size(), FileResult.Outcome.RESUMED, fileId, null, sent[0], started);
                }
                ResumeDecision.StartAfresh afresh = (ResumeDecision.StartAfresh) remote;
                say(name, afresh.reason());
                restart(identity, fileId, afresh.abortEarlier());
            } else if (local instanceof ResumeDecision.Restart restart) {
                say(name, restart.reason());
                restart(identity, state.get().fileId(), restart.abortEarlier());
            }
            fileId = null;
            InitiatedUpload initiated = api.initiate(new InitiateRequest(metadata.studentEmail(),
                    metadata.studentName(), metadata.trainerName(), metadata.sessionDate(), metadata.notes(), name,
                    identity.size(), contentType));
            fileId = initiated.fileId();
            states.save(identity, new UploadState(fileId, identity.path().toString(), identity.size(),
                    identity.modifiedMillis(), initiated.uploadMode(), fingerprint, apiUrl, clock.instant()));
            fresh(name, identity, initiated, sent);
            states.remove(identity);
            return result(file, identity.size(), FileResult.Outcome.UPLOADED, fileId, null, sent[0], started);
        } catch (ApiException e) {
            return failed(file, identity.size(), fileId, e.describe() + resumeHint(fileId), sent[0], started);
        } catch (PartUploadFailed e) {
            return failed(file, identity.size(), fileId, e.getMessage() + resumeHint(fileId), sent[0], started);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return failed(file, identity.size(), fileId, e.getMessage() + resumeHint(fileId), sent[0], started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(file, identity.size(), fileId, "interrupted" + resumeHint(fileId), sent[0], started);
        }
    }

    private void fresh(String name, FileIdentity identity, InitiatedUpload initiated, long[] sent)
            throws IOException, PartUploadFailed, InterruptedException {
        String fileId = initiated.fileId();
        if (initiated.isMultipart()) {
            if (initiated.multipart() == null) {
                throw new IllegalStateException("the upload API started a multipart upload without its part plan");
            }
            PartPlan plan = PartPlan.of(identity.size(), initiated.multipart().partSize(),
                    initiated.multipart().partCount());
            MultipartUrls urls = multipartUrls(fileId, plan.parts());
            urls.seed(initiated.multipart().parts(), initiated.expiresAt());
            Map<Integer, String> eTags = transfer(name, identity, plan.parts(), urls, 0, sent);
            complete(fileId, eTags);
        } else {
            PresignedUrl first = initiated.uploadUrl() == null ? null
                    : new PresignedUrl(URI.create(initiated.uploadUrl()), initiated.fields(),
                            initiated.expiresAt());
            transfer(name, identity, PartPlan.whole(identity.size()).parts(),
                    new SinglePutUrls(first, () -> api.freshPutUrl(fileId)), 0, sent);
            complete(fileId, Map.of());
        }
    }

    private void resume(String name, FileIdentity identity, String fileId, PartsStatus status, long[] sent)
            throws IOException, PartUploadFailed, InterruptedException {
        if (!"MULTIPART".equals(status.uploadMode())) {
            say(name, "resuming: sending the file again (small files go in one piece)");
            transfer(name, identity, PartPlan.whole(identity.size()).parts(),
                    new SinglePutUrls(null, () -> api.freshPutUrl(fileId)), 0, sent);
            complete(fileId, Map.of());
            return;
        }
        PartPlan plan = PartPlan.of(identity.size(), status.partSize(), status.partCount());
        Map<Integer, UploadedPart> held = new HashMap<>();
        if (status.uploadedParts() != null) {
            status.uploadedParts().forEach(p -> held.put(p.partNumber(), p));
        }
        List<Part> missing = plan.missing(held);
        long inS3 = plan.fileSize() - plan.bytesOf(missing);
        say(name, "resuming: " + (plan.parts().size() - missing.size()) + " of " + plan.parts().size()
                + " parts are already in S3, " + missing.size() + " to send");
        Map<Integer, String> eTags = new HashMap<>();
        for (Part part : plan.parts()) {
            if (!missing.contains(part)) {
                eTags.put(part.number(), held.get(part.number()).eTag());
            }
        }
        eTags.putAll(transfer(name, identity, missing, multipartUrls(fileId, missing), inS3, sent));
        complete(fileId, eTags);
    }

    private Map<Integer, String> transfer(String name, FileIdentity identity, List<Part> parts, PartUrlSource urls,
            long alreadyInS3, long[] sent) throws IOException, PartUploadFailed, InterruptedException {
        TransferProgress progress = new TransferProgress(identity.size(), alreadyInS3);
        try (FileChannel channel = FileChannel.open(identity.path(), StandardOpenOption.READ);
                ProgressReporter reporter = ProgressReporter.start(mode, err, name, progress, plainInterval)) {
            Consumer<String> notes = reporter::note;
            PartUploader uploader = new PartUploader(http, retry, parallel, notes);
            try {
                return uploader.upload(channel, parts, urls, progress);
            } finally {
                sent[0] += progress.sentThisRun();
            }
        }
    }

    private void complete(String fileId, Map<Integer, String> eTags) {
        List<CompletedPart> parts = new ArrayList<>();
        eTags.forEach((number, eTag) -> parts.add(new CompletedPart(number, eTag)));
        parts.sort(Comparator.comparingInt(CompletedPart::partNumber));
        Completion completion = api.complete(fileId, parts);
        if (completion != null && completion.status() != null && !"COMPLETED".equals(completion.status())) {
            throw new IllegalStateException("the upload API answered complete with status " + completion.status());
        }
    }

    private MultipartUrls multipartUrls(String fileId, List<Part> order) {
        return new MultipartUrls(numbers -> api.partUrls(fileId, numbers), clock,
                order.stream().map(Part::number).toList(), URL_BATCH);
    }

    private PartsStatus partsOrNull(String fileId) {
        try {
            return api.parts(fileId);
        } catch (ApiRefused e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private void restart(FileIdentity identity, String earlierFileId, boolean abortEarlier) {
        states.remove(identity);
        if (abortEarlier) {
            abortQuietly(earlierFileId);
        }
    }

    /** Frees the storage of an upload that will never complete; a failure here does not matter to the trainer. */
    private void abortQuietly(String fileId) {
        try {
            api.abort(fileId);
        } catch (ApiException e) {
            // The earlier upload stays until S3's lifecycle rule and the retention remove it.
        }
    }

    private void say(String name, String text) {
        if (mode != ProgressReporter.Mode.NONE) {
            err.println(name + ": " + text);
            err.flush();
        }
    }

    private static String resumeHint(String fileId) {
        return fileId == null ? "" : "\n  (run the same command again to resume; file id " + fileId + ")";
    }

    private static FileResult result(Path file, long size, FileResult.Outcome outcome, String fileId, String problem,
            long sent, long startedNanos) {
        return new FileResult(file, size, outcome, fileId, problem, sent, (System.nanoTime() - startedNanos) / 1e9);
    }

    private static FileResult failed(Path file, long size, String fileId, String problem, long sent,
            long startedNanos) {
        return result(file, size, FileResult.Outcome.FAILED, fileId, problem, sent, startedNanos);
    }
}
