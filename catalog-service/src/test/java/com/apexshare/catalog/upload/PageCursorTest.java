package com.apexshare.catalog.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void shouldRoundTripThePositionThroughItsOpaqueText() {
        // Given
        PageCursor cursor = new PageCursor(Instant.parse("2026-05-14T10:15:30.123Z"), UUID.randomUUID());

        // When
        String text = cursor.encode();

        // Then
        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(text)).contains(cursor);
    }

    @Test
    void shouldRefuseTextItDidNotMake() {
        assertThat(PageCursor.decode("not-a-cursor")).isEmpty();
        assertThat(PageCursor.decode("")).isEmpty();
        assertThat(PageCursor.decode("x".repeat(500))).isEmpty();
        assertThat(PageCursor.decode(java.util.Base64.getUrlEncoder().encodeToString("2026|nope".getBytes()))).isEmpty();
    }
}
