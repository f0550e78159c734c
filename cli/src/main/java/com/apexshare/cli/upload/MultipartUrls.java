package com.apexshare.cli.upload;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.apexshare.cli.api.UploadApiModel.PartUrl;
import com.apexshare.cli.api.UploadApiModel.PartUrls;

/**
 * The part URLs of one multipart upload: those initiate handed out, then more fetched from {@code POST …/parts/urls}
 * in batches, in the order the parts are sent, shortly before they are needed (so they are fresh when used).
 */
final class MultipartUrls implements PartUrlSource {

    /** Asks the upload API for the URLs of some parts. */
    @FunctionalInterface
    interface Issuer {
        PartUrls issue(List<Integer> partNumbers);
    }

    /** A URL expiring sooner than this is replaced before use. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

    private final Issuer issuer;
    private final Clock clock;
    private final List<Integer> order;
    private final Map<Integer, Integer> positions = new HashMap<>();
    private final int batchSize;
    private final Map<Integer, PresignedUrl> urls = new HashMap<>();
    private int batches;

    /**
     * @param order     the part numbers still to send, in the order they will be sent
     * @param batchSize how many URLs to ask for at once (the API allows up to 1000)
     */
    MultipartUrls(Issuer issuer, Clock clock, List<Integer> order, int batchSize) {
        this.issuer = issuer;
        this.clock = clock;
        this.order = List.copyOf(order);
        this.batchSize = batchSize;
        for (int i = 0; i < this.order.size(); i++) {
            positions.put(this.order.get(i), i);
        }
    }

    /** URLs already in hand (from initiate). */
    synchronized void seed(List<PartUrl> parts, Instant expiresAt) {
        if (parts != null) {
            for (PartUrl part : parts) {
                urls.put(part.partNumber(), new PresignedUrl(URI.create(part.url()), Map.of(), expiresAt));
            }
        }
    }

    @Override
    public synchronized PresignedUrl url(int partNumber) {
        PresignedUrl url = urls.get(partNumber);
        if (url != null && usable(url)) {
            return url;
        }
        fetchFrom(partNumber);
        return urls.get(partNumber);
    }

    @Override
    public synchronized PresignedUrl fresh(int partNumber) {
        urls.remove(partNumber);
        fetch(List.of(partNumber));
        return urls.get(partNumber);
    }

    /** How many times the API was asked for URLs. */
    synchronized int batches() {
        return batches;
    }

    private void fetchFrom(int partNumber) {
        List<Integer> wanted = new ArrayList<>();
        wanted.add(partNumber);
        Integer position = positions.get(partNumber);
        for (int i = position == null ? order.size() : position + 1; i < order.size() && wanted.size() < batchSize;
                i++) {
            PresignedUrl known = urls.get(order.get(i));
            if (known == null || !usable(known)) {
                wanted.add(order.get(i));
            }
        }
        fetch(wanted);
    }

    private void fetch(List<Integer> partNumbers) {
        batches++;
        PartUrls answer = issuer.issue(partNumbers);
        if (answer == null || answer.parts() == null) {
            throw new IllegalStateException("the upload API handed out no part URLs");
        }
        for (PartUrl part : answer.parts()) {
            urls.put(part.partNumber(), new PresignedUrl(URI.create(part.url()), Map.of(), answer.expiresAt()));
        }
        if (!urls.containsKey(partNumbers.get(0))) {
            throw new IllegalStateException("the upload API handed out no URL for part " + partNumbers.get(0));
        }
    }

    private boolean usable(PresignedUrl url) {
        return url.expiresAt() == null || url.expiresAt().isAfter(clock.instant().plus(EXPIRY_MARGIN));
    }
}
