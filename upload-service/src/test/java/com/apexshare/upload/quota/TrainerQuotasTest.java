package com.apexshare.upload.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TrainerQuotasTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static QuotaLedger.Usage usage(Duration ago, long bytes, String student) {
        return new QuotaLedger.Usage(UUID.randomUUID(), NOW.minus(ago), bytes, TrainerQuotas.studentHash(student));
    }

    @Test
    void shouldRefuseTheUploadBeyondTheHourlyCountUntilTheOldestCountedOneLeavesTheHour() {
        // Given three uploads in the last hour (50, 20 and 5 minutes ago) and one from two hours ago
        List<QuotaLedger.Usage> usage = List.of(usage(Duration.ofMinutes(120), 1, "a@x"),
                usage(Duration.ofMinutes(50), 1, "a@x"), usage(Duration.ofMinutes(20), 1, "a@x"),
                usage(Duration.ofMinutes(5), 1, "a@x"));
        String student = TrainerQuotas.studentHash("a@x");

        // Then a limit of 4 lets the next one in; a limit of 3 refuses it for 10 minutes; a limit of 2 for 40
        assertThat(TrainerQuotas.refusal(Quota.UPLOADS_PER_HOUR, 4, usage, 1, student, NOW)).isNull();
        assertThat(TrainerQuotas.refusal(Quota.UPLOADS_PER_HOUR, 3, usage, 1, student, NOW))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(TrainerQuotas.refusal(Quota.UPLOADS_PER_HOUR, 2, usage, 1, student, NOW))
                .isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void shouldRefuseBytesBeyondTheDailyAmountUntilEnoughHaveLeftTheDay() {
        // Given 60 and 30 bytes declared 23 and 2 hours ago, and a daily limit of 100
        List<QuotaLedger.Usage> usage = List.of(usage(Duration.ofHours(23), 60, "a@x"),
                usage(Duration.ofHours(2), 30, "a@x"));
        String student = TrainerQuotas.studentHash("a@x");

        // Then 10 more fit; 11 fit once the 60 have left the day (in an hour); 71 only once both have (in 22 hours);
        // more than the limit never fits, so the answer is a whole window
        assertThat(TrainerQuotas.refusal(Quota.BYTES_PER_DAY, 100, usage, 10, student, NOW)).isNull();
        assertThat(TrainerQuotas.refusal(Quota.BYTES_PER_DAY, 100, usage, 11, student, NOW))
                .isEqualTo(Duration.ofHours(1));
        assertThat(TrainerQuotas.refusal(Quota.BYTES_PER_DAY, 100, usage, 71, student, NOW))
                .isEqualTo(Duration.ofHours(22));
        assertThat(TrainerQuotas.refusal(Quota.BYTES_PER_DAY, 100, usage, 101, student, NOW))
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void shouldCountDistinctStudentsAndLetAKnownStudentThrough() {
        // Given uploads for A (40 and 10 minutes ago) and B (30 minutes ago), and a limit of two students an hour
        List<QuotaLedger.Usage> usage = List.of(usage(Duration.ofMinutes(40), 1, "a@x"),
                usage(Duration.ofMinutes(30), 1, "B@x"), usage(Duration.ofMinutes(10), 1, "A@X "));

        // Then A and B (in any case) may get more; a third student waits until B's upload leaves the hour (30 min),
        // since A's latest upload counts for another 50 minutes
        assertThat(TrainerQuotas.refusal(Quota.STUDENTS_PER_HOUR, 2, usage, 1, TrainerQuotas.studentHash("a@x"), NOW))
                .isNull();
        assertThat(TrainerQuotas.refusal(Quota.STUDENTS_PER_HOUR, 2, usage, 1, TrainerQuotas.studentHash("b@x"), NOW))
                .isNull();
        assertThat(TrainerQuotas.refusal(Quota.STUDENTS_PER_HOUR, 2, usage, 1, TrainerQuotas.studentHash("c@x"), NOW))
                .isEqualTo(Duration.ofMinutes(30));
    }
}
