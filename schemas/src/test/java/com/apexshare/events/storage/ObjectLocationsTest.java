package com.apexshare.events.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class ObjectLocationsTest {

    private final ObjectLocations locations = new ObjectLocations("apexshare-videos");
    private final UUID fileId = UUID.fromString("0b9d6c0e-6f7c-4a57-9b1e-5b8f4f1c2d11");

    @Test
    void shouldAcceptTheUploadsOwnKeyInTheConfiguredBucket() {
        // Given / When / Then
        assertThat(locations.check(fileId, "apexshare-videos", "videos/2026-05-14/" + fileId + "-GX010042.MP4"))
                .isEmpty();
    }

    @Test
    void shouldRefuseAnotherBucket() {
        // Given / When / Then
        assertThat(locations.check(fileId, "other-bucket", "videos/2026-05-14/" + fileId + "-a.mp4"))
                .contains(ObjectLocations.Violation.FOREIGN_BUCKET);
        assertThat(locations.check(fileId, null, "videos/2026-05-14/" + fileId + "-a.mp4"))
                .contains(ObjectLocations.Violation.FOREIGN_BUCKET);
    }

    @Test
    void shouldRefuseKeysThatAreNotTheUploadsOwn() {
        // Given another upload's id, other prefixes, a missing name, an impossible day, a line break, no key
        String other = UUID.randomUUID().toString();
        for (String key : new String[] {"videos/2026-05-14/" + other + "-a.mp4", "backups/2026-05-14/" + fileId + "-a",
                "videos/2026-05-14/" + fileId + "-", "videos/2026-02-30/" + fileId + "-a.mp4",
                "videos/2026-05-14/" + fileId.toString().toUpperCase() + "-a.mp4",
                "videos/2026-05-14/" + fileId + "-a\nb", "x/videos/2026-05-14/" + fileId + "-a", "", null}) {
            // When / Then
            assertThat(locations.check(fileId, "apexshare-videos", key)).as(String.valueOf(key))
                    .contains(ObjectLocations.Violation.FOREIGN_KEY);
        }
    }
}
