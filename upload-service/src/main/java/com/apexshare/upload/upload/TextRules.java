package com.apexshare.upload.upload;

/** Character rules for free text that ends up in emails, events and dashboards. */
public final class TextRules {

    private TextRules() {
    }

    /**
     * True for C0/C1 control characters (NUL, CR, LF, ESC, DEL, …) and Unicode bidirectional overrides, which can
     * disguise a name; tabs and line breaks are allowed where {@code multiline} (notes).
     */
    public static boolean hasControlCharacter(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
