package com.apexshare.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresignedUrlsTest {

    private static final String PREFIX = "http://127.0.0.1:9000/b/videos/x.mp4?uploadId=u&partNumber=1"
            + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20240531T100000Z&X-Amz-SignedHeaders=host"
            + "&X-Amz-Expires=900&X-Amz-Signature=";

    @ParameterizedTest
    @ValueSource(chars = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'})
    void shouldChangeTheSignatureWhateverDigitItBeginsWith(char first) {
        // Given a presigned URL whose signature begins with the digit (a fixed replacement digit missed one of them)
        String rest = "4b1d27e0c4a9b2f6a1c3d5e7f90812345678abcdef0123456789abcdef01234";
        String url = PREFIX + first + rest;

        // When its signature is broken
        String broken = PresignedUrls.withBrokenSignature(url);

        // Then only the signature's first digit differs
        assertThat(broken).isNotEqualTo(url).startsWith(PREFIX).endsWith(rest).hasSameSizeAs(url);
        assertThat(broken.charAt(PREFIX.length())).isNotEqualTo(first);
    }

    @Test
    void shouldRefuseAUrlWithoutASignature() {
        // Given a URL that is not presigned, When its signature is broken, Then that is a mistake in the test
        assertThatThrownBy(() -> PresignedUrls.withBrokenSignature("http://127.0.0.1:9000/b/k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Amz-Signature");
    }
}
