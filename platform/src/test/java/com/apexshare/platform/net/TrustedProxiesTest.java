package com.apexshare.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void shouldUseTheSocketPeerWhenNoProxyIsTrusted() {
        // Given no trusted proxies
        TrustedProxies resolver = TrustedProxies.of(List.of());

        // When a client claims another address in X-Forwarded-For
        String client = resolver.clientAddress("203.0.113.7", List.of("198.51.100.1"));

        // Then the claim is ignored
        assertThat(client).isEqualTo("203.0.113.7");
    }

    @Test
    void shouldFollowTrustedProxiesBackToTheFirstUntrustedAddress() {
        // Given the ingress network is trusted
        TrustedProxies resolver = TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8"));

        // When requests arrive through one or two trusted proxies, with spoofed entries on the left
        // Then the client is the right-most address that is not a trusted proxy
        assertThat(resolver.clientAddress("10.1.2.3", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(resolver.clientAddress("10.1.2.3", List.of("1.1.1.1, 203.0.113.7, 10.9.9.9")))
                .isEqualTo("203.0.113.7");
        assertThat(resolver.clientAddress("10.1.2.3", List.of("1.1.1.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(resolver.clientAddress("fd00::1", List.of("2001:db8::42"))).isEqualTo("2001:db8:0:0:0:0:0:42");
        assertThat(resolver.clientAddress("10.1.2.3", List.of("203.0.113.7:51234"))).isEqualTo("203.0.113.7");
        assertThat(resolver.clientAddress("10.1.2.3", List.of("[2001:db8::42]:443"))).isEqualTo("2001:db8:0:0:0:0:0:42");
    }

    @Test
    void shouldNotBelieveAnUntrustedPeerOrGarbage() {
        // Given a trusted proxy network
        TrustedProxies resolver = TrustedProxies.of(List.of("10.0.0.0/8"));

        // Then an untrusted peer's header is ignored, a trusted peer without header is the client itself, and an
        // unparsable (or host name) entry stops the walk without any name lookup
        assertThat(resolver.clientAddress("203.0.113.7", List.of("10.0.0.1"))).isEqualTo("203.0.113.7");
        assertThat(resolver.clientAddress("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
        assertThat(resolver.clientAddress("10.1.2.3", List.of("evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(resolver.clientAddress("10.1.2.3", List.of("999.1.1.1"))).isEqualTo("10.1.2.3");
        assertThat(resolver.clientAddress("10.1.2.3", List.of("1.2.3.4, .x:, 10.4.4.4"))).isEqualTo("10.4.4.4");
    }

    @Test
    void shouldMatchCidrBlocksExactly() {
        // Given blocks with prefixes on and off byte boundaries
        Cidr block = Cidr.parse("192.168.4.0/22");
        Cidr single = Cidr.parse("127.0.0.1");

        // Then membership follows the prefix bits
        assertThat(block.contains(IpLiterals.parse("192.168.7.255"))).isTrue();
        assertThat(block.contains(IpLiterals.parse("192.168.8.0"))).isFalse();
        assertThat(block.contains(IpLiterals.parse("::1"))).isFalse();
        assertThat(single.contains(IpLiterals.parse("127.0.0.1"))).isTrue();
        assertThat(single.contains(IpLiterals.parse("127.0.0.2"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(IpLiterals.parse("8.8.8.8"))).isTrue();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("proxy.internal/8")).isInstanceOf(IllegalArgumentException.class);
    }
}
