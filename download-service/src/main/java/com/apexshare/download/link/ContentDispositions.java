package com.apexshare.download.link;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@code Content-Disposition: attachment} for the original file name (RFC 6266): an ASCII {@code filename} for old
 * clients and the exact UTF-8 name in {@code filename*} (RFC 8187), which current browsers prefer.
 */
public final class ContentDispositions {

    private static final String FALLBACK_NAME = "video";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContentDispositions() {
    }

    public static String attachment(String fileName) {
        String name = fileName == null || fileName.isBlank() ? FALLBACK_NAME : fileName.strip();
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + rfc8187(name);
    }

    /** Accents dropped (é → e), everything else outside printable ASCII, quotes, backslash and % become '_'. */
    static String asciiFallback(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            boolean safe = c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%';
            out.append(safe ? c : '_');
        }
        return out.toString();
    }

    /** Percent-encodes every byte of the UTF-8 name that is not an RFC 8187 attr-char. */
    static String rfc8187(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isAttrChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isAttrChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
