package com.apexshare.identity.web;

import org.springframework.security.web.csrf.CsrfToken;

/** Page skeleton and escaping for the provider's pages. */
final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f5f7;color:#1b1f24;\
            margin:0;line-height:1.5}
            main{max-width:26rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px;\
            box-shadow:0 1px 3px rgba(0,0,0,.15)}
            h1{font-size:1.5rem;margin-top:0}
            label{display:block;font-weight:600;margin-top:1rem}
            input[type=text],input[type=password],input[type=email]{width:100%;box-sizing:border-box;\
            padding:.6rem;font-size:1rem;border:1px solid #6b7280;border-radius:4px}
            button{margin-top:1.25rem;padding:.6rem 1.2rem;font-size:1rem;border-radius:4px;border:1px solid #1d4ed8;\
            background:#1d4ed8;color:#fff;cursor:pointer}
            button.secondary{background:#fff;color:#1d4ed8}
            button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
            .alert{padding:.75rem;border-radius:4px;background:#fee2e2;color:#7f1d1d}
            .note{padding:.75rem;border-radius:4px;background:#e0f2fe;color:#0c4a6e}
            .code{font-family:ui-monospace,monospace;font-size:1.4rem;letter-spacing:.15em}
            .actions{display:flex;gap:.75rem;flex-wrap:wrap}
            """;

    private Html() {
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · ApexShare</title>
                <style>%s</style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), STYLE, escape(title), body);
    }

    static String csrf(CsrfToken token) {
        return token == null ? "" : "<input type=\"hidden\" name=\"" + escape(token.getParameterName())
                + "\" value=\"" + escape(token.getToken()) + "\">";
    }

    static String alert(String message) {
        return "<p class=\"alert\" role=\"alert\">" + escape(message) + "</p>";
    }

    static String note(String message) {
        return "<p class=\"note\" role=\"status\">" + escape(message) + "</p>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
