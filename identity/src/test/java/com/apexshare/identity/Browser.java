package com.apexshare.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A test's web browser: keeps cookies (the provider's session), never follows redirects by itself (tests look at
 * each hop), reads the hidden fields of the provider's forms, and submits them.
 */
final class Browser {

    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">(.*?)</form>",
            Pattern.DOTALL);

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Browser(String base) {
        this.base = URI.create(base);
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(resolve(url)).header("Accept", "text/html").GET());
    }

    /** Form fields in order; a name may repeat (scope). */
    HttpResponse<String> post(String url, List<Map.Entry<String, String>> fields) {
        return send(HttpRequest.newBuilder(resolve(url)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    HttpResponse<String> post(String url, Map<String, String> fields) {
        return post(url, new ArrayList<>(fields.entrySet()));
    }

    /** Follows redirects while they stay on the provider; returns the first answer that is not one of them. */
    HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
            URI next = location(current);
            if (!sameOrigin(next)) {
                return current;
            }
            current = get(next.toString());
        }
        return current;
    }

    /** Signs in on the provider's login page (the response must be, or lead to, that page). */
    HttpResponse<String> signIn(HttpResponse<String> toLogin, String username, String password) {
        HttpResponse<String> page = follow(toLogin);
        if (!page.body().contains("action=\"/login\"")) {
            throw new AssertionError("Expected the login page, got " + page.statusCode() + " " + page.uri());
        }
        Map<String, String> fields = new LinkedHashMap<>(hiddenFields(page.body(), "/login"));
        fields.put("username", username);
        fields.put("password", password);
        return post("/login", fields);
    }

    /** Submits one of the page's forms (by its action, and by its button when several share it). */
    HttpResponse<String> submit(HttpResponse<String> page, String action, int formIndex,
            Map<String, String> extraFields) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(forms(page.body(), action).get(formIndex));
        fields.addAll(extraFields.entrySet());
        return post(action, fields);
    }

    static Map<String, String> hiddenFields(String html, String action) {
        Map<String, String> fields = new LinkedHashMap<>();
        forms(html, action).get(0).forEach(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }

    static List<List<Map.Entry<String, String>>> forms(String html, String action) {
        List<List<Map.Entry<String, String>>> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            if (form.group(1).equals(action)) {
                List<Map.Entry<String, String>> fields = new ArrayList<>();
                Matcher hidden = HIDDEN.matcher(form.group(2));
                while (hidden.find()) {
                    fields.add(Map.entry(hidden.group(1), unescape(hidden.group(2))));
                }
                forms.add(fields);
            }
        }
        if (forms.isEmpty()) {
            throw new AssertionError("No form posting to " + action + " in:\n" + html);
        }
        return forms;
    }

    static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3;
    }

    URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("No Location in " + response.statusCode()));
        return response.uri().resolve(location);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static String form(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private boolean sameOrigin(URI uri) {
        return base.getScheme().equals(uri.getScheme()) && base.getHost().equals(uri.getHost())
                && base.getPort() == uri.getPort();
    }

    private URI resolve(String url) {
        return base.resolve(url);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(http, request);
    }

    /** Sends with a timeout; failures to connect are the test's failures. */
    static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
