package com.apexshare.download.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkTokenTest {

    @Test
    void shouldAcceptTokensAsTheNotificationServiceMintsThem() {
        // Given many freshly minted tokens
        // When / Then each is well formed
        for (int i = 0; i < 1000; i++) {
            assertThat(LinkToken.isWellFormed(LinkFixture.newToken())).isTrue();
        }
    }

    @Test
    void shouldRefuseAnythingElse() {
        // Given texts that cannot be a minted token
        String valid = LinkFixture.newToken();
        String[] refused = {null, "", "abc", valid.substring(1), valid + "A", valid.substring(0, 42) + "=",
                valid.substring(0, 42) + "+", valid.substring(0, 42) + "/", valid.substring(0, 42) + "B",
                valid.substring(0, 20) + "." + valid.substring(21), valid.substring(0, 20) + "é" + valid.substring(21),
                "../../../../etc/passwd-aaaaaaaaaaaaaaaaaaaaa"};

        // When / Then none is well formed (B: a last character with stray low bits is never produced)
        for (String token : refused) {
            assertThat(LinkToken.isWellFormed(token)).as("%s", token).isFalse();
        }
    }

    @Test
    void shouldHashAsLowerCaseHexSha256OfTheAsciiBytes() {
        // Given the token "abc" (known SHA-256 test vector)
        // When it is hashed
        String hash = LinkToken.sha256Hex("abc");

        // Then it matches the standard digest
        assertThat(hash).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
