package com.apexshare.events.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LinkTokenTest {

    @Test
    void shouldGenerateFreshUrlSafe256BitTokensThatParseBack() {
        // When many tokens are generated
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(LinkToken.generate().reveal());
        }

        // Then each is 43 base64url characters carrying 32 bytes, none repeats, and each is well formed
        assertThat(tokens).hasSize(1000).allSatisfy(t -> {
            assertThat(t).hasSize(LinkToken.LENGTH).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(t)).hasSize(LinkToken.BYTES);
            assertThat(LinkToken.isWellFormed(t)).isTrue();
            assertThat(LinkToken.parse(t).reveal()).isEqualTo(t);
        });
    }

    @Test
    void shouldRefuseAnythingTheMintingSideCouldNeverHaveProduced() {
        // Given texts that cannot be a minted token
        String valid = LinkToken.generate().reveal();
        String[] refused = {null, "", "abc", valid.substring(1), valid + "A", valid.substring(0, 42) + "=",
                valid.substring(0, 42) + "+", valid.substring(0, 42) + "/", valid.substring(0, 42) + "B",
                valid.substring(0, 20) + "." + valid.substring(21), valid.substring(0, 20) + "é" + valid.substring(21),
                "../../../../etc/passwd-aaaaaaaaaaaaaaaaaaaaa"};

        // When / Then none is well formed and none parses (B: a last character with stray low bits)
        for (String token : refused) {
            assertThat(LinkToken.isWellFormed(token)).as("%s", token).isFalse();
            assertThatIllegalArgumentException().isThrownBy(() -> LinkToken.parse(token))
                    .withMessage("not a link token");
        }
    }

    @Test
    void shouldHashAsLowerCaseHexSha256OfTheTokensAsciiBytes() throws Exception {
        // Given a token
        LinkToken token = LinkToken.generate();

        // When it is hashed
        String hash = token.sha256Hex();

        // Then it is the standard digest of its ASCII bytes in lower-case hex, which the hash check accepts
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.reveal().getBytes(StandardCharsets.US_ASCII)));
        assertThat(hash).isEqualTo(expected).matches("[0-9a-f]{64}");
        assertThat(LinkToken.isSha256Hex(hash)).isTrue();
        assertThat(LinkToken.isSha256Hex(hash.toUpperCase())).isFalse();
        assertThat(LinkToken.isSha256Hex(hash.substring(1))).isFalse();
        assertThat(LinkToken.isSha256Hex(null)).isFalse();
    }

    @Test
    void shouldBuildTheLinkFromTheConfiguredBaseWhateverItsTrailingSlash() {
        // Given a token and bases with and without trailing slashes
        LinkToken token = LinkToken.generate();
        String t = token.reveal();

        // When links are built / Then they all end in /d/<token>
        assertThat(token.link(URI.create("https://share.example.com"))).hasToString("https://share.example.com/d/" + t);
        assertThat(token.link(URI.create("https://share.example.com/"))).hasToString("https://share.example.com/d/" + t);
        assertThat(token.link(URI.create("https://example.com/apex//"))).hasToString("https://example.com/apex/d/" + t);
    }

    @Test
    void shouldNeverShowTheTokenWhenPrinted() {
        // Given a token
        LinkToken token = LinkToken.generate();

        // When it is printed / Then only a prefix of its hash shows
        assertThat(token.toString()).doesNotContain(token.reveal())
                .isEqualTo("LinkToken[sha256=" + token.sha256Hex().substring(0, 12) + "…]");
        assertThat(LinkToken.parse(token.reveal())).isEqualTo(token).hasSameHashCodeAs(token);
    }
}
