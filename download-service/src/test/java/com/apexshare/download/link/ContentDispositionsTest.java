package com.apexshare.download.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ContentDispositionsTest {

    @Test
    void shouldKeepAPlainNameAsItIs() {
        // Given / When
        String header = ContentDispositions.attachment("ride-2025-06-14.mp4");

        // Then
        assertThat(header).isEqualTo("attachment; filename=\"ride-2025-06-14.mp4\"; filename*=UTF-8''ride-2025-06-14.mp4");
    }

    @Test
    void shouldGiveAnAsciiFallbackAndTheExactUtf8Name() {
        // Given a name with accents, a dash, CJK, quotes, a backslash and a percent sign
        String name = "Séance \"rapide\" – 東京\\100%.mp4";

        // When the header is built
        String header = ContentDispositions.attachment(name);

        // Then the quoted fallback is safe ASCII, and filename* decodes back to the exact name
        assertThat(header).startsWith("attachment; filename=\"Seance _rapide_ _ ___100_.mp4\"; filename*=UTF-8''");
        String encoded = header.substring(header.indexOf("UTF-8''") + 7);
        assertThat(encoded).matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+");
        assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(name);
    }

    @Test
    void shouldNotLetANameBreakOutOfTheHeader() {
        // Given a name trying to inject a header line and a parameter
        String header = ContentDispositions.attachment("a\r\nSet-Cookie: x=1; filename=evil.exe");

        // Then no control character or unquoted parameter gets through
        assertThat(header).doesNotContain("\r").doesNotContain("\n");
        assertThat(header).startsWith("attachment; filename=\"a__Set-Cookie: x=1; filename=evil.exe\"; filename*=UTF-8''a%0D%0ASet-Cookie");
    }

    @Test
    void shouldNameANamelessFileVideo() {
        assertThat(ContentDispositions.attachment("  ")).isEqualTo("attachment; filename=\"video\"; filename*=UTF-8''video");
    }
}
