package com.apexshare.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses IP address literals only. {@link InetAddress#getByName} would resolve host names through DNS, which a
 * client-supplied {@code X-Forwarded-For} must never trigger.
 */
public final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private IpLiterals() {
    }

    /** The address, or null when the text is not an IPv4/IPv6 literal (optionally bracketed or with a port). */
    public static InetAddress parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return null;
            }
            s = s.substring(1, close);
        } else {
            var withPort = IPV4_WITH_PORT.matcher(s);
            if (withPort.matches()) {
                s = withPort.group(1);
            }
        }
        var v4 = IPV4.matcher(s);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return byAddress(bytes);
        }
        if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) {
            try {
                // Starts with a hex digit or colon and contains a colon: the JDK parses it as an IPv6 literal and never
                // falls back to a name lookup.
                return InetAddress.getByName(s);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are always an IPv4 address", e);
        }
    }
}
