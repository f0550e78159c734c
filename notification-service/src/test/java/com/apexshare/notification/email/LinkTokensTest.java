package com.apexshare.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LinkTokensTest {

    @Test
    void shouldMakeFreshUrlSafe256BitTokens() {
        // When many tokens are made
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(LinkTokens.newToken());
        }

        // Then each is 43 base64url characters without padding, carrying 32 bytes, and none repeats
        assertThat(tokens).hasSize(1000).allSatisfy(t -> {
            assertThat(t).hasSize(43).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(t)).hasSize(32);
        });
    }

    @Test
    void shouldHashTheTokensAsciiBytesAsLowerCaseHexSha256() {
        // Given a known token
        String token = "abc";

        // When hashed
        // Then it is the standard SHA-256 test vector in lower-case hex
        assertThat(LinkTokens.sha256Hex(token))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldBuildTheLinkFromTheConfiguredBaseWhateverItsTrailingSlash() {
        // Given bases with and without trailing slashes
        // When links are built
        // Then they all end in /d/<token>
        assertThat(LinkTokens.link(URI.create("https://share.example.com"), "T")).isEqualTo("https://share.example.com/d/T");
        assertThat(LinkTokens.link(URI.create("https://share.example.com/"), "T")).isEqualTo("https://share.example.com/d/T");
        assertThat(LinkTokens.link(URI.create("https://example.com/apex//"), "T")).isEqualTo("https://example.com/apex/d/T");
    }
}
