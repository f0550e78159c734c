package com.apexshare.gateway.client;

/**
 * The caller of one request as the gateway resolved it.
 *
 * @param address canonical IP address text (the rate-limit key and what the services are told)
 * @param scheme  {@code http} or {@code https}, as the client used it
 * @param host    the host (and port) the client addressed, or null when it sent none
 */
public record Client(String address, String scheme, String host) {

    /** Whether the client's connection was TLS (to the gateway, or to the trusted proxy in front of it). */
    public boolean overTls() {
        return "https".equals(scheme);
    }
}
