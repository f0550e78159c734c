package com.apexshare.cli.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.apexshare.devstack.IdentityProvider;

/**
 * The trainer at a web browser, over plain HTTP against the real identity provider: keeps its session cookie, reads the
 * hidden fields (CSRF) of the provider's forms and submits them, signs in, confirms a device code, allows or denies.
 * Redirects are followed by hand while they stay on the provider, so a test sees the one that leaves it (to the CLI).
 */
final class TrainerBrowser {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">(.*?)</form>",
            Pattern.DOTALL);
    /** The provider's consent and device forms: the first button allows, the second denies. */
    static final int ALLOW = 0;
    static final int DENY = 1;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI provider;
    private final IdentityProvider.Credentials trainer;

    TrainerBrowser(IdentityProvider identity) {
        this.provider = URI.create(identity.issuerUri());
        this.trainer = identity.demoTrainer();
    }

    /** Device flow: opens the CLI's link, signs in, confirms the code, and allows (or denies) the CLI. */
    HttpResponse<String> approveDevice(String verificationUriComplete, String userCode, int button) {
        HttpResponse<String> codePage = follow(signIn(get(verificationUriComplete)));
        expect(codePage, "Enter the code shown by the ApexShare command line");
        HttpResponse<String> consent = follow(submit(codePage, "/oauth2/device_verification", 0,
                Map.of("user_code", userCode)));
        expect(consent, "Allow ApexShare command line?");
        return follow(submit(consent, "/oauth2/device_verification", button, Map.of()));
    }

    /**
     * Loopback flow: opens the authorize link the CLI printed, signs in, allows (or denies), and lets the provider's
     * redirect reach the CLI's callback server; answers the CLI's page.
     */
    HttpResponse<String> approveBrowserSignIn(String authorizeUrl, int button) {
        HttpResponse<String> consent = follow(signIn(get(authorizeUrl)));
        expect(consent, "Allow ApexShare command line?");
        HttpResponse<String> back = submit(consent, "/oauth2/authorize", button, Map.of());
        return get(location(back).toString());
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(provider.resolve(url)).header("Accept", "text/html").GET());
    }

    private HttpResponse<String> signIn(HttpResponse<String> toLogin) {
        HttpResponse<String> page = follow(toLogin);
        expect(page, "action=\"/login\"");
        List<Map.Entry<String, String>> fields = new ArrayList<>(forms(page.body(), "/login").get(0));
        fields.add(Map.entry("username", trainer.name()));
        fields.add(Map.entry("password", trainer.secret()));
        return post("/login", fields);
    }

    private HttpResponse<String> submit(HttpResponse<String> page, String action, int formIndex,
            Map<String, String> extra) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(forms(page.body(), action).get(formIndex));
        fields.addAll(extra.entrySet());
        return post(action, fields);
    }

    /** Follows redirects while they stay on the provider. */
    private HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            URI next = location(current);
            if (!provider.getAuthority().equals(next.getAuthority())) {
                return current;
            }
            current = get(next.toString());
        }
        return current;
    }

    private HttpResponse<String> post(String action, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(provider.resolve(action)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: HTTP " + response.statusCode() + " " + response.uri()));
        return response.uri().resolve(location);
    }

    private static List<List<Map.Entry<String, String>>> forms(String html, String action) {
        List<List<Map.Entry<String, String>>> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            if (form.group(1).equals(action)) {
                List<Map.Entry<String, String>> fields = new ArrayList<>();
                Matcher hidden = HIDDEN.matcher(form.group(2));
                while (hidden.find()) {
                    fields.add(Map.entry(hidden.group(1), hidden.group(2).replace("&quot;", "\"").replace("&#39;", "'")
                            .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")));
                }
                forms.add(fields);
            }
        }
        if (forms.isEmpty()) {
            throw new AssertionError("no form posting to " + action + " in:\n" + html);
        }
        return forms;
    }

    private static void expect(HttpResponse<String> page, String text) {
        if (page.statusCode() != 200 || !page.body().contains(text)) {
            throw new AssertionError("expected a page with '" + text + "', got HTTP " + page.statusCode() + " "
                    + page.uri() + "\n" + page.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
