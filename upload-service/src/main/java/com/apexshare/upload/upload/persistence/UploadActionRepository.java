package com.apexshare.upload.upload.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The {@code upload_action} table. */
interface UploadActionRepository extends JpaRepository<UploadActionRow, Long> {

    @Query("select a.at from UploadActionRow a where a.fileId = :fileId and a.action = :action and a.at > :since"
            + " order by a.at")
    List<Instant> timesSince(@Param("fileId") UUID fileId, @Param("action") String action,
            @Param("since") Instant since);

    @Modifying
    @Query("delete from UploadActionRow a where a.at < :before")
    int deleteBefore(@Param("before") Instant before);
}
