package com.apexshare.gateway.client;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;

import com.apexshare.platform.net.IpLiterals;
import com.apexshare.platform.net.TrustedProxies;

/**
 * Resolves the {@link Client} of a request. Without trusted proxies it is the socket's peer, whatever headers say.
 * When the peer is a trusted proxy, {@code X-Forwarded-For} is read from the right (the entry the nearest proxy
 * appended) and the first address that is not a trusted proxy is the client; entries further left were written by
 * the client itself and are not believed. {@code X-Forwarded-Proto} and {@code -Host} count only from a trusted peer.
 */
public final class ClientResolver {

    private final TrustedProxies trustedProxies;

    private ClientResolver(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** @throws IllegalArgumentException when an entry is not an address or CIDR block */
    public static ClientResolver trusting(List<String> trustedProxies) {
        return new ClientResolver(TrustedProxies.of(trustedProxies));
    }

    /**
     * @param connection what the socket says
     * @param forwarded  the forwarding headers as received (each list: every header value, in order; may be empty)
     */
    public Client resolve(Connection connection, Forwarded forwarded) {
        InetAddress peer = IpLiterals.parse(connection.remoteAddress());
        boolean trusted = peer != null && trustedProxies.isTrusted(peer);
        String scheme = connection.secure() ? "https" : "http";
        String host = connection.host();
        if (!trusted) {
            return new Client(peer == null ? connection.remoteAddress() : peer.getHostAddress(), scheme, host);
        }
        String proto = leftmost(forwarded.proto());
        if (proto != null) {
            String p = proto.toLowerCase(Locale.ROOT);
            if (p.equals("https") || p.equals("http")) {
                scheme = p;
            }
        }
        String forwardedHost = leftmost(forwarded.host());
        if (forwardedHost != null && isHostText(forwardedHost)) {
            host = forwardedHost;
        }
        return new Client(trustedProxies.clientAddress(connection.remoteAddress(), forwarded.forwardedFor()), scheme,
                host);
    }

    private static String leftmost(List<String> values) {
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    return part.trim();
                }
            }
        }
        return null;
    }

    /** A host name or address with an optional port: nothing that could break a header or a URL. */
    private static boolean isHostText(String host) {
        return host.length() <= 255 && host.matches("[A-Za-z0-9.\\-\\[\\]:]+");
    }

    /**
     * @param remoteAddress the socket peer's address literal
     * @param secure        whether the connection to the gateway is TLS
     * @param host          the {@code Host} header, or null
     */
    public record Connection(String remoteAddress, boolean secure, String host) {
    }

    /** The {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} header values as received. */
    public record Forwarded(List<String> forwardedFor, List<String> proto, List<String> host) {

        public static final Forwarded NONE = new Forwarded(List.of(), List.of(), List.of());
    }
}
