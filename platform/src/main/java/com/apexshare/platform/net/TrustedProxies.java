package com.apexshare.platform.net;

import java.net.InetAddress;
import java.util.List;

/**
 * Finds the address a request came from. Without trusted proxies it is the socket's peer, whatever headers say. When
 * the peer is a trusted proxy, {@code X-Forwarded-For} is read from the right (the entry the nearest proxy appended)
 * and the first address that is not a trusted proxy is the client; entries further left were written by the client
 * itself and are not believed.
 */
public final class TrustedProxies {

    private final List<Cidr> trustedProxies;

    private TrustedProxies(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * @param trustedProxies addresses or CIDR blocks of the proxies whose {@code X-Forwarded-For} entries are believed
     * @throws IllegalArgumentException when an entry is not an address or CIDR block
     */
    public static TrustedProxies of(List<String> trustedProxies) {
        return new TrustedProxies(trustedProxies.stream().map(Cidr::parse).toList());
    }

    /**
     * @param remoteAddress the socket peer's address literal
     * @param forwardedFor  every {@code X-Forwarded-For} header value, in order (may be empty)
     * @return a canonical address text (a rate-limit key); the peer's text as given when it is no IP literal
     */
    public String clientAddress(String remoteAddress, List<String> forwardedFor) {
        InetAddress peer = IpLiterals.parse(remoteAddress);
        if (peer == null) {
            return remoteAddress;
        }
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer.getHostAddress();
        }
        InetAddress client = peer;
        for (int h = forwardedFor.size() - 1; h >= 0; h--) {
            String[] hops = forwardedFor.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                if (hops[i].isBlank()) {
                    continue;
                }
                InetAddress hop = IpLiterals.parse(hops[i]);
                if (hop == null) {
                    // Garbage from a trusted proxy's chain: stop at the last address we could vouch for.
                    return client.getHostAddress();
                }
                client = hop;
                if (!isTrusted(hop)) {
                    return hop.getHostAddress();
                }
            }
        }
        return client.getHostAddress();
    }

    /** Whether the address is one of the trusted proxies. */
    public boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trustedProxies) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
