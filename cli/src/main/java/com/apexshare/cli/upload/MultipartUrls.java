package com.apexshare.cli.upload;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        fetch(List.of(partNumber), partNumber);
        return urls.get(partNumber);
    }

    /** How many times the API was asked for URLs. */
    synchronized int batches() {
        return batches;
    }

    /**
     * Fetches the part's URL together with those of the parts around it that will need one: earlier parts that were
     * never handed one (with several parts at once, a later part's thread may ask first) and the next parts in the
     * order. Earlier parts that had a URL are on their way already and are left alone.
     */
    private void fetchFrom(int partNumber) {
        Set<Integer> wanted = new HashSet<>();
        wanted.add(partNumber);
        Integer position = positions.get(partNumber);
        int from = position == null ? order.size() : position;
        for (int i = 0; i < from && wanted.size() < batchSize; i++) {
            if (!urls.containsKey(order.get(i))) {
                wanted.add(order.get(i));
            }
        }
        for (int i = from + 1; i < order.size() && wanted.size() < batchSize; i++) {
            PresignedUrl known = urls.get(order.get(i));
            if (known == null || !usable(known)) {
                wanted.add(order.get(i));
            }
        }
        List<Integer> batch = new ArrayList<>(wanted);
        batch.sort(Comparator.comparingInt(n -> positions.getOrDefault(n, Integer.MAX_VALUE)));
        fetch(batch, partNumber);
    }

    private void fetch(List<Integer> partNumbers, int needed) {
        batches++;
        PartUrls answer = issuer.issue(partNumbers);
        if (answer == null || answer.parts() == null) {
            throw new IllegalStateException("the upload API handed out no part URLs");
        }
        for (PartUrl part : answer.parts()) {
            urls.put(part.partNumber(), new PresignedUrl(URI.create(part.url()), Map.of(), answer.expiresAt()));
        }
        if (!urls.containsKey(needed)) {
            throw new IllegalStateException("the upload API handed out no URL for part " + needed);
        }
    }

    private boolean usable(PresignedUrl url) {
        return url.expiresAt() == null || url.expiresAt().isAfter(clock.instant().plus(EXPIRY_MARGIN));
    }
}
