package com.apexshare.cli.upload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.apexshare.cli.api.UploadApiModel.UploadedPart;

/**
 * How a file is cut into parts: the server chooses the part size and count; the client checks they cover the file
 * exactly (a plan that does not would upload a different file) and works out which parts are still missing.
 */
final class PartPlan {

    private final long fileSize;
    private final List<Part> parts;

    private PartPlan(long fileSize, List<Part> parts) {
        this.fileSize = fileSize;
        this.parts = parts;
    }

    /** The server's multipart plan for a file of {@code fileSize} bytes. */
    static PartPlan of(long fileSize, long partSize, int partCount) {
        if (fileSize < 0 || partSize <= 0 || partCount < 1) {
            throw new IllegalArgumentException("the server's part plan is not usable: " + partCount + " parts of "
                    + partSize + " bytes for " + fileSize + " bytes");
        }
        long needed = Math.max(1, (fileSize + partSize - 1) / partSize);
        if (needed != partCount) {
            throw new IllegalArgumentException("the server's part plan does not cover the file: " + partCount
                    + " parts of " + partSize + " bytes for " + fileSize + " bytes (" + needed + " needed)");
        }
        List<Part> parts = new ArrayList<>(partCount);
        for (int i = 0; i < partCount; i++) {
            long offset = i * partSize;
            parts.add(new Part(i + 1, offset, Math.min(partSize, fileSize - offset)));
        }
        return new PartPlan(fileSize, Collections.unmodifiableList(parts));
    }

    /** The whole file as one part: a single PUT. */
    static PartPlan whole(long fileSize) {
        return new PartPlan(fileSize, List.of(new Part(1, 0, fileSize)));
    }

    long fileSize() {
        return fileSize;
    }

    List<Part> parts() {
        return parts;
    }

    /**
     * The parts S3 does not hold yet. A held part counts only when its size is the planned one (a size the server
     * does not report is trusted): a short part from another attempt is sent again.
     */
    List<Part> missing(Map<Integer, UploadedPart> uploaded) {
        List<Part> missing = new ArrayList<>();
        for (Part part : parts) {
            UploadedPart held = uploaded.get(part.number());
            boolean complete = held != null && held.eTag() != null && !held.eTag().isBlank()
                    && (held.size() == null || held.size() == part.length());
            if (!complete) {
                missing.add(part);
            }
        }
        return missing;
    }

    long bytesOf(List<Part> some) {
        return some.stream().mapToLong(Part::length).sum();
    }
}
