package com.apexshare.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Eve\r\nBcc: x@evil.test", "Eve\nBcc: x@evil.test", "Eve\rBcc: x@evil.test",
            "Eve\u2028Bcc: x@evil.test", "Eve\u2029Bcc: x@evil.test", "Eve\u0085Bcc: x@evil.test",
            "Eve\u000bBcc: x@evil.test", "Eve\u000cBcc: x@evil.test", "Eve\tBcc: x@evil.test"})
    void shouldTurnEveryLineBreakIntoOneSpace(String hostile) {
        // When a name with a line break is cleaned
        String clean = HeaderText.clean(hostile, 100);

        // Then it is one line
        assertThat(clean).isEqualTo("Eve Bcc: x@evil.test");
    }

    @Test
    void shouldDropControlFormatAndPrivateUseCharactersAndCollapseWhitespace() {
        // Given a name with NUL, BEL, ESC, a bidi override, a zero-width space, private use and runs of spaces
        String hostile = "  E\u0000v\u0007e\u001b[31m \u202e\u200bR\uE000   D  ";

        // When cleaned
        String clean = HeaderText.clean(hostile, 100);

        // Then only visible text with single spaces remains
        assertThat(clean).isEqualTo("E v e [31m R D");
    }

    @Test
    void shouldKeepOrdinaryUnicodeAndShortenLongNames() {
        // Given a name with accents and an emoji, and a very long name
        // When cleaned
        // Then the first is unchanged and the second is cut to the limit
        assertThat(HeaderText.clean("Ève Ünïcødé 🏍", 100)).isEqualTo("Ève Ünïcødé 🏍");
        assertThat(HeaderText.clean("x".repeat(500), 100)).hasSize(100);
        assertThat(HeaderText.clean(null, 100)).isEmpty();
    }
}
