package com.apexshare.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP client that keeps cookies like a browser and follows no redirect by itself, so a test walks every hop of a
 * sign-in (the gateway's, the identity provider's) and records them.
 */
final class Browser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final List<URI> visited = new ArrayList<>();

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofMinutes(1)).build();
        visited.add(built.uri());
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> postForm(URI uri, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** GETs each {@code Location} from this answer on until an answer is not a redirect, or {@code stopAt} is reached. */
    HttpResponse<String> follow(HttpResponse<String> response, String stopAtPath) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && isRedirect(current.statusCode()); hops++) {
            URI next = current.uri().resolve(location(current));
            current = get(next);
            if (next.getPath().equals(stopAtPath)) {
                return current;
            }
        }
        return current;
    }

    /** Every address this browser requested, in order. */
    List<URI> visited() {
        return List.copyOf(visited);
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("No Location in " + response + " " + response.headers()));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
