package com.apexshare.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailWriterTest {

    @Test
    void shouldShowSizesForPeople() {
        // Given sizes from bytes to terabytes
        // When formatted
        // Then they read naturally
        assertThat(EmailWriter.humanSize(512)).isEqualTo("512 bytes");
        assertThat(EmailWriter.humanSize(1536)).isEqualTo("1.5 KB");
        assertThat(EmailWriter.humanSize(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GB");
        assertThat(EmailWriter.humanSize(3L * 1024 * 1024 * 1024 * 1024)).isEqualTo("3.0 TB");
    }
}
