package com.apexshare.upload.quota;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Admits an upload against its trainer's quotas and records it, in one short transaction under the trainer's lock, so
 * that two replicas checking the same trainer at once cannot both take the last unit.
 */
public class TrainerQuotas {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerQuotas.class);

    private final QuotaLedger ledger;
    private final QuotaSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;

    public TrainerQuotas(QuotaLedger ledger, QuotaSettings settings, MeterRegistry meters, Clock clock) {
        this.ledger = ledger;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * @param trainerId    the token's subject
     * @param fileId       the upload about to start
     * @param bytes        its declared size
     * @param studentEmail the address the video will be sent to
     */
    public record Claim(String trainerId, UUID fileId, long bytes, String studentEmail) {

        /** Never the student's address. */
        @Override
        public String toString() {
            return "Claim[trainerId=" + trainerId + ", fileId=" + fileId + ", bytes=" + bytes + "]";
        }
    }

    /** @throws QuotaExceeded when the upload does not fit; nothing is recorded then */
    @Transactional
    public void claim(Claim claim) {
        if (settings.allOff()) {
            return;
        }
        Instant now = clock.instant();
        ledger.lockTrainer(claim.trainerId());
        Instant cutoff = now.minus(Quota.LONGEST_WINDOW);
        ledger.forgetBefore(claim.trainerId(), cutoff);
        String studentHash = studentHash(claim.studentEmail());
        QuotaLedger.Totals totals = ledger.totals(claim.trainerId(), now.minus(Quota.UPLOADS_PER_HOUR.window()),
                cutoff, studentHash);
        for (Quota quota : Quota.values()) {
            long limit = settings.limitOf(quota);
            if (limit == 0 || fits(quota, limit, totals, claim.bytes())) {
                continue;
            }
            // Refused: only now read the entries, to say when the upload would fit
            Duration retryAfter = refusal(quota, limit, ledger.usageSince(claim.trainerId(), cutoff), claim.bytes(),
                    studentHash, now);
            if (retryAfter != null) {
                Counter.builder("apexshare.upload.quota.refusals").description("Uploads refused by a trainer quota")
                        .tag("quota", quota.name()).register(meters).increment();
                LOG.warn("Upload refused for trainer {}: quota {} ({}) used up", claim.trainerId(), quota, limit);
                throw new QuotaExceeded(quota, limit, retryAfter);
            }
        }
        ledger.record(claim.trainerId(), new QuotaLedger.Usage(claim.fileId(), now, claim.bytes(), studentHash));
    }

    private static boolean fits(Quota quota, long limit, QuotaLedger.Totals totals, long bytes) {
        return switch (quota) {
            case UPLOADS_PER_HOUR -> totals.uploadsInHour() < limit;
            case BYTES_PER_DAY -> totals.bytesInDay() + bytes <= limit;
            case STUDENTS_PER_HOUR -> totals.studentKnownInHour() || totals.studentsInHour() < limit;
        };
    }

    /** Gives back what an upload that did not start after all had taken. */
    @Transactional
    public void release(UUID fileId) {
        ledger.remove(fileId);
    }

    /** null when the upload fits; otherwise how long until it would, at the earliest. */
    static Duration refusal(Quota quota, long limit, List<QuotaLedger.Usage> usage, long bytes, String studentHash,
            Instant now) {
        Instant windowStart = now.minus(quota.window());
        List<QuotaLedger.Usage> inWindow = usage.stream().filter(u -> u.startedAt().isAfter(windowStart)).toList();
        return switch (quota) {
            case UPLOADS_PER_HOUR -> inWindow.size() < limit ? null
                    // The entry whose leaving the window brings the count below the limit
                    : until(inWindow.get((int) (inWindow.size() - limit)).startedAt().plus(quota.window()), now);
            case BYTES_PER_DAY -> bytesRefusal(limit, inWindow, bytes, quota.window(), now);
            case STUDENTS_PER_HOUR -> studentsRefusal(limit, inWindow, studentHash, quota.window(), now);
        };
    }

    private static Duration bytesRefusal(long limit, List<QuotaLedger.Usage> inWindow, long bytes, Duration window,
            Instant now) {
        long used = inWindow.stream().mapToLong(QuotaLedger.Usage::bytes).sum();
        if (used + bytes <= limit) {
            return null;
        }
        if (bytes > limit) {
            return window;
        }
        for (QuotaLedger.Usage u : inWindow) {
            used -= u.bytes();
            if (used + bytes <= limit) {
                return until(u.startedAt().plus(window), now);
            }
        }
        return window;
    }

    private static Duration studentsRefusal(long limit, List<QuotaLedger.Usage> inWindow, String studentHash,
            Duration window, Instant now) {
        // Each student's latest upload in the window, oldest first: a student stops counting when it leaves
        Map<String, Instant> latest = new LinkedHashMap<>();
        for (QuotaLedger.Usage u : inWindow) {
            latest.remove(u.studentHash());
            latest.put(u.studentHash(), u.startedAt());
        }
        if (latest.containsKey(studentHash) || latest.size() < limit) {
            return null;
        }
        List<Instant> times = new ArrayList<>(latest.values());
        return until(times.get((int) (times.size() - limit)).plus(window), now);
    }

    private static Duration until(Instant at, Instant now) {
        Duration wait = Duration.between(now, at);
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    static String studentHash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
