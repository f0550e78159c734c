package com.apexshare.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.apexshare.cli.api.UploadApiModel.UploadedPart;

class PartPlanTest {

    @Test
    void shouldCutTheFileIntoFullPartsAndAShorterLastOne() {
        // Given the server's plan of 3 parts of 10 bytes for 25 bytes
        // When it is planned
        PartPlan plan = PartPlan.of(25, 10, 3);

        // Then the parts cover every byte once
        assertThat(plan.parts()).containsExactly(new Part(1, 0, 10), new Part(2, 10, 10), new Part(3, 20, 5));
        assertThat(plan.bytesOf(plan.parts())).isEqualTo(25);
    }

    @Test
    void shouldRefuseAPlanThatDoesNotCoverTheFileExactly() {
        // Given plans with too few or too many parts, When they are planned, Then they are refused
        assertThatThrownBy(() -> PartPlan.of(25, 10, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not cover the file").hasMessageContaining("3 needed");
        assertThatThrownBy(() -> PartPlan.of(20, 10, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartPlan.of(20, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTreatTheWholeFileAsOnePartForASinglePut() {
        // Given a small file, When it is planned as one PUT, Then it is one part from byte 0
        assertThat(PartPlan.whole(1234).parts()).containsExactly(new Part(1, 0, 1234));
    }

    @Test
    void shouldFindTheMissingPartsIgnoringShortOrUnnamedOnes() {
        // Given S3 holds part 1 whole, part 2 short, part 3 without an ETag and part 4 with an unreported size
        PartPlan plan = PartPlan.of(45, 10, 5);
        Map<Integer, UploadedPart> held = Map.of(
                1, new UploadedPart(1, "\"a\"", 10L),
                2, new UploadedPart(2, "\"b\"", 7L),
                3, new UploadedPart(3, null, 10L),
                4, new UploadedPart(4, "\"d\"", null));

        // When the missing parts are worked out
        // Then parts 2, 3 and the absent 5 are sent again
        assertThat(plan.missing(held)).extracting(Part::number).containsExactly(2, 3, 5);
        assertThat(plan.bytesOf(plan.missing(held))).isEqualTo(25);
    }
}
