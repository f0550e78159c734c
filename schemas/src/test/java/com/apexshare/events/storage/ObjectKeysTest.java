package com.apexshare.events.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    private final UUID fileId = UUID.fromString("0b9d6c0e-6f7c-4a57-9b1e-5b8f4f1c2d11");

    @Test
    void shouldBuildAKeyThatYieldsItsFileIdBack() {
        // Given a key built for an upload
        String key = ObjectKeys.of(LocalDate.of(2026, 5, 14), fileId, "ride.mp4");

        // Then it follows the layout, yields its file id back, and is that upload's own
        assertThat(key).isEqualTo("videos/2026-05-14/" + fileId + "-ride.mp4");
        assertThat(ObjectKeys.fileIdOf(key)).contains(fileId);
        assertThat(ObjectKeys.isOwnKey(fileId, key)).isTrue();
        assertThat(ObjectKeys.isOwnKey(UUID.randomUUID(), key)).isFalse();
    }

    @Test
    void shouldYieldNoFileIdForKeysOutsideTheLayout() {
        // Given other prefixes, a missing name, an impossible day, an upper-case id, a line break, no key
        for (String key : new String[] {"videos/2026-05-14/not-a-uuid-ride.mp4",
                "thumbnails/2026-05-14/" + fileId + "-x.jpg", "videos/2026-05-14/" + fileId + "-",
                "videos/2026-02-30/" + fileId + "-a.mp4",
                "videos/2026-05-14/" + fileId.toString().toUpperCase() + "-a.mp4",
                "videos/2026-05-14/" + fileId + "-a\nb", "x/videos/2026-05-14/" + fileId + "-a", "", null}) {
            // When / Then
            assertThat(ObjectKeys.fileIdOf(key)).as(String.valueOf(key)).isEmpty();
            assertThat(ObjectKeys.isOwnKey(fileId, key)).as(String.valueOf(key)).isFalse();
        }
    }

    @Test
    void shouldNotBeAnyUploadsOwnKeyWithoutAFileId() {
        // Given / When / Then
        assertThat(ObjectKeys.isOwnKey(null, "videos/2026-05-14/" + fileId + "-a.mp4")).isFalse();
    }
}
