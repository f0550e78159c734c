package com.apexshare.download.link.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.download.link.SentLinks;
import com.apexshare.download.link.UploadView;

/** Stores each link once, keyed by its token hash. */
@Component
class JpaSentLinks implements SentLinks {

    private final LinkTokenRepository links;
    private final PendingLinkRepository pending;

    JpaSentLinks(LinkTokenRepository links, PendingLinkRepository pending) {
        this.links = links;
        this.pending = pending;
    }

    @Override
    public void recordIfNew(UploadView.SentLink link) {
        links.insertIfAbsent(link.tokenSha256(), link.fileId(), link.expiresAt(), link.sentAt(), link.linkGeneration());
    }

    @Override
    public void park(UploadView.SentLink link, Instant now) {
        pending.insertIfAbsent(link.tokenSha256(), link.fileId(), link.expiresAt(), link.sentAt(),
                link.awaitsConfirmation(), link.linkGeneration(), now);
    }

    @Override
    public List<UploadView.SentLink> promoteParked(UUID fileId) {
        List<PendingLinkRow> rows = pending.findByFileId(fileId);
        List<UploadView.SentLink> promoted = new ArrayList<>(rows.size());
        for (PendingLinkRow row : rows) {
            UploadView.SentLink link = row.link();
            recordIfNew(link);
            promoted.add(link);
        }
        pending.deleteAllInBatch(rows);
        return promoted;
    }

    @Override
    public List<UploadView.SentLink> dropParkedBefore(Instant cutoff) {
        List<PendingLinkRow> rows = pending.findByRecordedAtBefore(cutoff);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UploadView.SentLink> dropped = rows.stream().map(PendingLinkRow::link).toList();
        pending.deleteAllInBatch(rows);
        pending.deleteEmptyUploads(dropped.stream().map(UploadView.SentLink::fileId).distinct().toList());
        return dropped;
    }

    @Override
    public int forgetUnmatchedExpiredBefore(Instant cutoff) {
        return links.deleteUnmatchedExpiredBefore(cutoff);
    }
}
