package com.apexshare.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientResolverTest {

    private final ClientResolver behindProxies = ClientResolver.trusting(List.of("10.0.0.0/8", "127.0.0.1"));
    private final ClientResolver direct = ClientResolver.trusting(List.of());

    @Test
    void shouldTakeTheSocketPeerWhenItIsNotATrustedProxy() {
        Client client = direct.resolve(new ClientResolver.Connection("198.51.100.4", false, "apexshare.example"),
                new ClientResolver.Forwarded(List.of("203.0.113.9"), List.of("https"), List.of("evil.example")));

        assertThat(client).isEqualTo(new Client("198.51.100.4", "http", "apexshare.example"));
        assertThat(client.overTls()).isFalse();
    }

    @Test
    void shouldFollowTheChainFromTheRightToTheFirstUntrustedAddress() {
        Client client = behindProxies.resolve(new ClientResolver.Connection("10.1.2.3", false, "gw:8080"),
                new ClientResolver.Forwarded(List.of("198.51.100.99, 203.0.113.9", "10.9.9.9"),
                        List.of("https, http"), List.of("apexshare.example")));

        assertThat(client).isEqualTo(new Client("203.0.113.9", "https", "apexshare.example"));
        assertThat(client.overTls()).isTrue();
    }

    @Test
    void shouldStopAtGarbageInATrustedChain() {
        Client client = behindProxies.resolve(new ClientResolver.Connection("10.1.2.3", false, null),
                new ClientResolver.Forwarded(List.of("not-an-ip, 10.4.4.4"), List.of(), List.of()));

        assertThat(client.address()).isEqualTo("10.4.4.4");
    }

    @Test
    void shouldKeepTheSchemeOfATlsConnectorAndIgnoreAnOddForwardedHost() {
        Client client = behindProxies.resolve(new ClientResolver.Connection("127.0.0.1", true, "gw"),
                new ClientResolver.Forwarded(List.of(), List.of("gopher"), List.of("bad host\r\n")));

        assertThat(client).isEqualTo(new Client("127.0.0.1", "https", "gw"));
    }

    @Test
    void shouldCanonicaliseIpv6Addresses() {
        Client client = direct.resolve(new ClientResolver.Connection("0:0:0:0:0:0:0:1", false, null),
                ClientResolver.Forwarded.NONE);

        assertThat(client.address()).isEqualTo("0:0:0:0:0:0:0:1");
    }
}
