package com.apexshare.download.link.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

import com.apexshare.download.link.DownloadLog;
import com.apexshare.download.link.PreviousOutbox;

/** Claims and removes the previous version's waiting openings. */
@Component
class JpaPreviousOutbox implements PreviousOutbox {

    private final PreviousOutboxRows rows;

    JpaPreviousOutbox(PreviousOutboxRows rows) {
        this.rows = rows;
    }

    @Override
    public List<DownloadLog.Opening> claim(int limit) {
        return rows.findWaiting(Limit.of(limit)).stream().map(PreviousOutboxRow::opening).toList();
    }

    @Override
    public void remove(List<UUID> downloadIds) {
        rows.deleteAllByIdInBatch(downloadIds);
    }
}
