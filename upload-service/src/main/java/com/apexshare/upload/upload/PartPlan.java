package com.apexshare.upload.upload;

/**
 * How a file of a declared size is cut into S3 parts. Files up to the single-PUT limit are one part sent with one
 * presigned PUT; larger files use parts of at least the configured size, grown (in whole MiB) so that no file needs
 * more than the configured part limit (S3 allows 10,000).
 *
 * @param mode      single PUT or multipart
 * @param fileSize  declared size in bytes
 * @param partSize  size of every part but the last
 * @param partCount number of parts
 */
public record PartPlan(UploadMode mode, long fileSize, long partSize, int partCount) {

    private static final long MIB = 1024L * 1024L;

    public static PartPlan of(long fileSize, long singlePutMaxSize, long minPartSize, int maxParts) {
        if (fileSize < 1) {
            throw new IllegalArgumentException("file size must be positive: " + fileSize);
        }
        if (fileSize <= singlePutMaxSize) {
            return new PartPlan(UploadMode.SINGLE_PUT, fileSize, fileSize, 1);
        }
        long needed = ceilDiv(fileSize, maxParts);
        long partSize = Math.max(minPartSize, ceilDiv(needed, MIB) * MIB);
        return new PartPlan(UploadMode.MULTIPART, fileSize, partSize, Math.toIntExact(ceilDiv(fileSize, partSize)));
    }

    /** Exact byte length of one part (the last one is the remainder); this is what the presigned URL signs. */
    public long partLength(int partNumber) {
        if (partNumber < 1 || partNumber > partCount) {
            throw new IllegalArgumentException("part " + partNumber + " outside 1.." + partCount);
        }
        return partNumber < partCount ? partSize : fileSize - (long) (partCount - 1) * partSize;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
