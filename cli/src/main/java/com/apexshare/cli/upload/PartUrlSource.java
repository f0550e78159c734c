package com.apexshare.cli.upload;

/** Hands out the presigned URL of each part, fetching more from the upload API when needed. */
interface PartUrlSource {

    /** A URL for the part that is not about to expire. */
    PresignedUrl url(int partNumber);

    /** A new URL for the part: the one used was refused (expired, or no longer valid). */
    PresignedUrl fresh(int partNumber);
}
