package com.apexshare.upload.upload;

import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** Resuming uploads: which parts S3 holds already, and fresh presigned URLs for the ones still to send. */
@Service
public class UploadParts {

    /** Most part URLs one request may ask for. */
    public static final int MAX_URLS_PER_REQUEST = 1000;

    private final UploadSessions sessions;
    private final ObjectStore store;
    private final PartUrlSigner signer;
    private final Clock clock;

    UploadParts(UploadSessions sessions, ObjectStore store, PartUrlSigner signer, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.signer = signer;
        this.clock = clock;
    }

    public UploadProgress progress(String trainerId, UUID fileId) {
        UploadSession session = sessions.owned(trainerId, fileId);
        List<StoredPart> parts = List.of();
        if (session.status() == UploadStatus.IN_PROGRESS) {
            if (session.mode() == UploadMode.MULTIPART) {
                try {
                    parts = store.listParts(session.objectKey(), session.s3UploadId());
                } catch (MultipartUploadNotFound e) {
                    parts = List.of();
                }
            } else {
                parts = store.head(session.objectKey())
                        .map(o -> List.of(new StoredPart(1, o.eTag(), o.size()))).orElse(List.of());
            }
        }
        return new UploadProgress(fileId, session.status(), session.plan(), parts);
    }

    /** Fresh presigned URLs: of the given parts (multipart), or of the single PUT (part numbers ignored). */
    public FreshUrls presign(String trainerId, UUID fileId, List<Integer> partNumbers) {
        UploadSession session = sessions.owned(trainerId, fileId);
        session.ensureTakingParts();
        PartPlan plan = session.plan();
        if (session.mode() == UploadMode.SINGLE_PUT) {
            PresignedUrl put = signer.singlePut(session.objectKey(), session.contentType(), plan.fileSize());
            return new FreshUrls(List.of(), put, put.expiresAt());
        }
        if (partNumbers == null || partNumbers.isEmpty()) {
            throw InvalidUploadRequest.of("partNumbers", "must list at least one part number");
        }
        if (partNumbers.size() > MAX_URLS_PER_REQUEST) {
            throw InvalidUploadRequest.of("partNumbers", "must list at most " + MAX_URLS_PER_REQUEST + " part numbers");
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        for (Integer n : partNumbers) {
            if (n == null || n < 1 || n > plan.partCount()) {
                throw InvalidUploadRequest.of("partNumbers",
                        "part numbers must be between 1 and " + plan.partCount() + ", got " + n);
            }
            numbers.add(n);
        }
        return new FreshUrls(signer.sign(session.objectKey(), session.s3UploadId(), plan, List.copyOf(numbers)),
                null, signer.expiresAt(clock.instant()));
    }
}
