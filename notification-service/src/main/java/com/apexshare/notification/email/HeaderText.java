package com.apexshare.notification.email;

/**
 * Makes user-supplied text (names, file names) safe for a mail header: CR, LF, NEL, U+2028/U+2029 and every other
 * control, format, private-use, unpaired-surrogate or unassigned character becomes a space, runs of whitespace collapse
 * to one, and the result is trimmed and shortened. Jakarta Mail then encodes what is left (RFC 2047), so the text can
 * neither end a header nor start a new one.
 */
public final class HeaderText {

    private HeaderText() {
    }

    public static String clean(String raw, int maxCodePoints) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        int kept = 0;
        for (int i = 0; i < raw.length() && kept < maxCodePoints; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (unsafe(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                kept++;
                space = false;
            }
            out.appendCodePoint(cp);
            kept++;
        }
        return out.toString();
    }

    private static boolean unsafe(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
