package com.apexshare.upload.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartPlanTest {

    private static final long MIB = 1024L * 1024L;
    private static final long GIB = 1024L * MIB;

    @Test
    void shouldUseOnePutUpToTheSinglePutLimit() {
        // Given / When
        PartPlan plan = PartPlan.of(16 * MIB, 16 * MIB, 16 * MIB, 10_000);

        // Then
        assertThat(plan.mode()).isEqualTo(UploadMode.SINGLE_PUT);
        assertThat(plan.partCount()).isEqualTo(1);
        assertThat(plan.partLength(1)).isEqualTo(16 * MIB);
    }

    @Test
    void shouldCutAFiveGigabyteGoProFileInto16MiBParts() {
        // Given a 5 GiB file and the default settings
        PartPlan plan = PartPlan.of(5 * GIB, 16 * MIB, 16 * MIB, 10_000);

        // Then 320 parts of 16 MiB
        assertThat(plan.mode()).isEqualTo(UploadMode.MULTIPART);
        assertThat(plan.partSize()).isEqualTo(16 * MIB);
        assertThat(plan.partCount()).isEqualTo(320);
        assertThat(plan.partLength(320)).isEqualTo(16 * MIB);
    }

    @Test
    void shouldGrowThePartSizeSoThatNoFileNeedsMoreThanTheLimit() {
        // Given a file that would need 12,800 parts of 16 MiB (200 GiB)
        PartPlan plan = PartPlan.of(200 * GIB, 16 * MIB, 16 * MIB, 10_000);

        // Then the part size grows, in whole MiB, to fit 10,000 parts
        assertThat(plan.partCount()).isLessThanOrEqualTo(10_000);
        assertThat(plan.partSize() % MIB).isZero();
        assertThat(plan.partSize()).isEqualTo(21 * MIB);
        assertThat((long) (plan.partCount() - 1) * plan.partSize() + plan.partLength(plan.partCount()))
                .isEqualTo(200 * GIB);
    }

    @Test
    void shouldGiveTheLastPartTheRemainder() {
        // Given 16 MiB + 1 byte
        PartPlan plan = PartPlan.of(16 * MIB + 1, 16 * MIB, 16 * MIB, 10_000);

        // Then two parts: 16 MiB and 1 byte
        assertThat(plan.partCount()).isEqualTo(2);
        assertThat(plan.partLength(1)).isEqualTo(16 * MIB);
        assertThat(plan.partLength(2)).isEqualTo(1);
        assertThatThrownBy(() -> plan.partLength(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartPlan.of(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
