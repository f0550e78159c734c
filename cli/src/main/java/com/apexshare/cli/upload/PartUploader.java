package com.apexshare.cli.upload;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.api.SignInRequired;
import com.apexshare.cli.api.RetryPolicy;

/**
 * Sends parts of a file straight to S3 through presigned URLs, several at once: each part streams from the file with
 * positional reads (no part is held in memory) with its exact {@code Content-Length}, and its ETag comes from S3's
 * answer. A failed part is tried again with backoff, with a fresh URL when S3 refused the old one. After a part failed
 * for good no new part is started; the parts in flight finish, so a re-run has less to send.
 */
final class PartUploader {

    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    /** Allowance for a slow uplink: a part may take this long per 256 KiB, plus two minutes. */
    private static final long BYTES_PER_SECOND_AT_LEAST = 256 * 1024;

    private final HttpClient http;
    private final RetryPolicy retry;
    private final int parallel;
    private final Consumer<String> notes;

    /**
     * @param parallel how many parts are in flight at once
     * @param notes    where retries are reported (one line each)
     */
    PartUploader(HttpClient http, RetryPolicy retry, int parallel, Consumer<String> notes) {
        this.http = http;
        this.retry = retry;
        this.parallel = parallel;
        this.notes = notes;
    }

    /**
     * Sends the parts, at most {@code parallel} at once, in their order.
     *
     * @return the ETag of each part sent, by part number
     */
    Map<Integer, String> upload(FileChannel file, List<Part> parts, PartUrlSource urls, TransferProgress progress)
            throws PartUploadFailed, InterruptedException {
        Map<Integer, String> eTags = new ConcurrentHashMap<>();
        if (parts.isEmpty()) {
            return eTags;
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallel, parts.size()), r -> {
            Thread t = new Thread(r, "apexshare-part-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        Map<Integer, PartUploadFailed> failures = new TreeMap<>();
        try {
            for (Part part : parts) {
                futures.add(workers.submit(() -> {
                    if (stop.get()) {
                        return null;
                    }
                    try {
                        eTags.put(part.number(), send(file, part, urls, progress));
                    } catch (PartUploadFailed | RuntimeException e) {
                        stop.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof SignInRequired signInRequired) {
                        throw signInRequired;
                    }
                    int number = parts.get(i).number();
                    failures.put(number, cause instanceof PartUploadFailed failed ? failed
                            : new PartUploadFailed(number, "part " + number + ": " + (cause instanceof ApiException api
                                    ? "no upload URL: " + api.describe() : cause.getMessage()), cause));
                }
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            throw e;
        } finally {
            workers.shutdown();
        }
        if (!failures.isEmpty()) {
            throw failures.values().iterator().next();
        }
        return eTags;
    }

    /** One part, with its retries; returns S3's ETag. */
    String send(FileChannel file, Part part, PartUrlSource urls, TransferProgress progress)
            throws PartUploadFailed, InterruptedException {
        PresignedUrl url = urls.url(part.number());
        String lastReason = "";
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            AttemptBytes counted = new AttemptBytes(progress);
            S3Answer answer;
            String eTag = null;
            try {
                HttpResponse<String> response = http.send(request(file, part, url, counted::add),
                        HttpResponse.BodyHandlers.ofString());
                answer = S3Answer.of(response.statusCode(), response.body());
                if (answer.kind() == S3Answer.Kind.STORED) {
                    eTag = response.headers().firstValue("ETag").orElse(null);
                    if (eTag == null || eTag.isBlank()) {
                        answer = new S3Answer(S3Answer.Kind.FAILED,
                                "S3 stored it but sent no ETag header (a CORS or proxy setting hides it?)");
                    }
                }
            } catch (IOException e) {
                // S3 may refuse a URL (expired) while the body is still being sent and close the connection, so the
                // refusal shows up as a broken connection: try again with a fresh URL too.
                answer = new S3Answer(S3Answer.Kind.RETRY_WITH_FRESH_URL, describe(e));
            }
            if (eTag != null && answer.kind() == S3Answer.Kind.STORED) {
                counted.close();
                progress.partDone();
                return eTag;
            }
            progress.add(-counted.close());
            lastReason = answer.reason();
            if (answer.kind() == S3Answer.Kind.FAILED) {
                throw new PartUploadFailed(part.number(), label(part) + " was refused by S3: " + lastReason, null);
            }
            if (attempt < retry.attempts()) {
                notes.accept(label(part) + " failed (" + lastReason + "); trying again (" + (attempt + 1) + " of "
                        + retry.attempts() + ")");
                retry.pauseAfter(attempt);
                if (answer.kind() == S3Answer.Kind.RETRY_WITH_FRESH_URL) {
                    url = freshOrSame(urls, part, url);
                }
            }
        }
        throw new PartUploadFailed(part.number(),
                label(part) + " failed " + retry.attempts() + " times; last: " + lastReason, null);
    }

    /** A fresh URL; the old one when the API cannot hand one out right now (S3 may still take the old one). */
    private PresignedUrl freshOrSame(PartUrlSource urls, Part part, PresignedUrl old) {
        try {
            return urls.fresh(part.number());
        } catch (ApiException e) {
            notes.accept(label(part) + ": no fresh URL (" + e.describe() + "); trying the old one");
            return old;
        }
    }

    /**
     * The bytes one attempt counted towards the progress. The HTTP client may still read a little from the file after
     * the attempt failed; once closed, such reads no longer count, so the bytes taken back are exactly those added.
     */
    private static final class AttemptBytes {
        private final TransferProgress progress;
        private long counted;
        private boolean open = true;

        AttemptBytes(TransferProgress progress) {
            this.progress = progress;
        }

        synchronized void add(long bytes) {
            if (open) {
                counted += bytes;
                progress.add(bytes);
            }
        }

        /** Stops counting; answers what was counted. */
        synchronized long close() {
            open = false;
            return counted;
        }
    }

    private static HttpRequest request(FileChannel file, Part part, PresignedUrl url,
            LongConsumer onRead) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url.url())
                .timeout(Duration.ofSeconds(120 + part.length() / BYTES_PER_SECOND_AT_LEAST));
        url.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        HttpRequest.BodyPublisher body = part.length() == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new RegionInputStream(file, part.offset(), part.length(), onRead)), part.length());
        return builder.PUT(body).build();
    }

    private static String label(Part part) {
        return "part " + part.number();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
