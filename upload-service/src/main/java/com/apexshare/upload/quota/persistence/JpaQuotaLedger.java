package com.apexshare.upload.quota.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.upload.quota.QuotaLedger;

@Component
class JpaQuotaLedger implements QuotaLedger {

    private final QuotaUsageRepository rows;

    JpaQuotaLedger(QuotaUsageRepository rows) {
        this.rows = rows;
    }

    @Override
    public void lockTrainer(String trainerId) {
        rows.lockTrainer(trainerId);
    }

    @Override
    public Totals totals(String trainerId, Instant hourStart, Instant dayStart, String studentHash) {
        Object[] row = rows.totals(trainerId, hourStart, dayStart, studentHash).get(0);
        return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), (Boolean) row[3]);
    }

    @Override
    public List<Usage> usageSince(String trainerId, Instant cutoff) {
        return rows.findSince(trainerId, cutoff).stream()
                .map(r -> new Usage(r.fileId(), r.startedAt(), r.declaredBytes(), r.studentSha256())).toList();
    }

    @Override
    public void record(String trainerId, Usage usage) {
        rows.save(new QuotaUsageRow(trainerId, usage.fileId(), usage.startedAt(), usage.bytes(),
                usage.studentHash()));
    }

    @Override
    public void remove(UUID fileId) {
        rows.deleteById(fileId);
    }

    @Override
    public void forgetBefore(String trainerId, Instant cutoff) {
        rows.deleteBefore(trainerId, cutoff);
    }
}
