package com.apexshare.catalog.upload;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The read side of the catalog; every query is confined to one trainer. */
public interface UploadQueries {

    Optional<UploadView> find(String trainerId, UUID fileId);

    long count(String trainerId);

    /** Newest first (upload date, then file id, both descending). */
    List<UploadView> page(String trainerId, int offset, int limit);

    /** Newest first, after the cursor when there is one. */
    List<UploadView> search(String trainerId, UploadFilter filter, PageCursor after, int limit);

    /** One student of the trainer (address compared case-insensitively, already lower case); empty if none. */
    Optional<StudentSummary> student(String trainerId, String studentEmail);

    /**
     * An upload's downloads, newest first (download time, then download id, both descending), after the cursor when
     * there is one; the caller has checked that the upload is the trainer's.
     */
    List<DownloadView> downloads(UUID fileId, PageCursor after, int limit);
}
