package com.apexshare.gateway.support;

import java.io.IOException;
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
import java.util.Map;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.apexshare.devstack.IdentityProvider;

/**
 * An HTTP client that keeps cookies like a browser and follows no redirect by itself, so a test sees every hop of a
 * sign-in (the gateway's, the identity provider's) and can assert on each.
 */
public final class Browser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows redirects from the answer on, GET each, until one is not a redirect; returns that one. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && isRedirect(current.statusCode()); hops++) {
            current = get(current.uri().resolve(location(current)));
        }
        return current;
    }

    /**
     * Signs the demo trainer in at the identity provider: from the gateway's {@code /login} through the provider's
     * password form back to the gateway's callback, which answers with the session cookie and a redirect to {@code /}.
     */
    public HttpResponse<String> signIn(GatewayInstance gateway) {
        IdentityProvider.Credentials trainer = TestEnvironment.get().identityProvider().demoTrainer();
        HttpResponse<String> atLoginForm = follow(get(gateway.uri("/login")));
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(atLoginForm.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No login form at " + atLoginForm.uri() + ": " + atLoginForm.body());
        }
        String form = form(Map.of("username", trainer.name(), "password", trainer.secret(), "_csrf", csrf.group(1)));
        HttpResponse<String> posted = send(HttpRequest.newBuilder(atLoginForm.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        // Back at the authorization endpoint, then at the gateway's callback, which redirects to "/".
        HttpResponse<String> current = posted;
        for (int hops = 0; hops < 10 && isRedirect(current.statusCode()); hops++) {
            URI next = current.uri().resolve(location(current));
            current = get(next);
            if (next.getPath().equals("/login/oauth2/code/apexshare")) {
                return current;
            }
        }
        throw new IllegalStateException("Sign-in did not come back to the gateway: " + current.uri());
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Copies this browser's cookies into another (the same user on another machine, or an attacker's replay). */
    public void copyCookiesTo(Browser other) {
        cookies.getCookieStore().getURIs().forEach(uri -> cookies.getCookieStore().get(uri)
                .forEach(c -> other.cookies.getCookieStore().add(uri, c)));
    }

    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("No Location in " + response));
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
