package com.apexshare.upload.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"../secret.mp4", "a/b.mp4", "a\\b.mp4", "..", ".", "x\u0000.mp4", "x\r\n.mp4",
            "x\u202E4pm.exe", "x\u0085.mp4", "   "})
    void shouldRefuseNamesWithPathPartsOrControlCharacters(String name) {
        // Given / When / Then
        assertThat(FileNames.problem(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GX010042.MP4", "Ride día 1 (final).mov", "a..b.mp4", ".hidden.mp4", "Ünïcödé 🎥.mkv"})
    void shouldAcceptPlainFileNames(String name) {
        // Given / When / Then
        assertThat(FileNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GX010042.MP4|GX010042.MP4",
            "Ride día 1 (final) .MP4|Ride_dia_1_final_.MP4",
            ".hidden.mp4|hidden.mp4",
            "🎥🎥.mp4|mp4",
            "...|video",
            "a  b__c.mp4|a_b_c.mp4"})
    void shouldMakeAKeySafeName(String name, String expected) {
        // Given / When / Then
        assertThat(FileNames.keySafe(name)).isEqualTo(expected);
    }

    @Test
    void shouldKeepTheExtensionWhenShorteningALongName() {
        // Given a 250-character name
        String safe = FileNames.keySafe("x".repeat(246) + ".mp4");

        // Then it is cut to 120 characters with its extension
        assertThat(safe).hasSize(120).endsWith(".mp4").matches("[A-Za-z0-9._-]+");
    }
}
