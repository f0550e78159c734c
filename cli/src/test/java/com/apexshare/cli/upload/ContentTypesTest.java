package com.apexshare.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void shouldTellTheVideoTypeFromTheExtensionWhateverItsCase() {
        // Given GoPro and camera file names, When their types are told, Then the extension decides
        assertThat(ContentTypes.forFileName("GX010123.MP4")).hasValue("video/mp4");
        assertThat(ContentTypes.forFileName("ride.mov")).hasValue("video/quicktime");
        assertThat(ContentTypes.forFileName("old.Avi")).hasValue("video/x-msvideo");
        assertThat(ContentTypes.forFileName("archive.mp4.mov")).hasValue("video/quicktime");
    }

    @Test
    void shouldNotGuessOtherTypes() {
        // Given names without an allowed extension, When their types are told, Then there is none
        assertThat(ContentTypes.forFileName("clip.mkv")).isEmpty();
        assertThat(ContentTypes.forFileName("README")).isEmpty();
        assertThat(ContentTypes.forFileName("trailing.")).isEmpty();
    }

    @Test
    void shouldListTheAllowedTypesForTheErrorMessage() {
        // Given the allowed types, When they are listed, Then each extension shows its type
        assertThat(ContentTypes.allowed())
                .isEqualTo(".mp4 (video/mp4), .mov (video/quicktime), .avi (video/x-msvideo)");
    }
}
