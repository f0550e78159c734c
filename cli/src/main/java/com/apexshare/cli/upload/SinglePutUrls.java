package com.apexshare.cli.upload;

import java.net.URI;
import java.util.function.Supplier;

import com.apexshare.cli.api.UploadApiModel.SinglePutUrl;

/** The one PUT URL of a small upload: initiate's, or a fresh one from {@code POST …/parts/urls}. */
final class SinglePutUrls implements PartUrlSource {

    private final Supplier<SinglePutUrl> issuer;
    private PresignedUrl current;

    /** @param initial the URL initiate handed out, or null to ask for one on first use (a resumed upload) */
    SinglePutUrls(PresignedUrl initial, Supplier<SinglePutUrl> issuer) {
        this.current = initial;
        this.issuer = issuer;
    }

    @Override
    public synchronized PresignedUrl url(int partNumber) {
        if (current == null) {
            return fresh(partNumber);
        }
        return current;
    }

    @Override
    public synchronized PresignedUrl fresh(int partNumber) {
        SinglePutUrl answer = issuer.get();
        if (answer == null || answer.uploadUrl() == null) {
            throw new IllegalStateException("the upload API handed out no upload URL");
        }
        current = new PresignedUrl(URI.create(answer.uploadUrl()), answer.fields(), answer.expiresAt());
        return current;
    }
}
