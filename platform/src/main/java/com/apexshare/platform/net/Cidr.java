package com.apexshare.platform.net;

import java.net.InetAddress;

/** An IPv4 or IPv6 address block ({@code 10.0.0.0/8}, {@code fd00::/8}); a bare address is a block of one. */
public final class Cidr {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** @throws IllegalArgumentException when the text is not an address literal with an optional valid prefix */
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress parsed = IpLiterals.parse(address);
        if (parsed == null) {
            throw new IllegalArgumentException("Not an IP address or CIDR block: " + text);
        }
        byte[] bytes = parsed.getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a CIDR prefix length: " + text, e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("CIDR prefix length out of range: " + text);
            }
        }
        return new Cidr(bytes, prefix, trimmed);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
