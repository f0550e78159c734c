package com.apexshare.cli.signin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.apexshare.cli.console.Browser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Sign-in with a browser on this machine (RFC 8252): authorization code + PKCE (S256), the code sent back to a
 * one-shot HTTP server on {@code 127.0.0.1} (never another interface), the {@code state} checked. The issuer allows
 * any port for a loopback IP literal, so the port is whatever is free (or {@code --port}, for SSH port forwarding).
 */
final class LoopbackFlow {

    static final String SCOPES = "openid profile email offline_access";
    static final String CALLBACK_PATH = "/callback";
    /** How long the browser may take to come back: as long as a device code lives at the development provider. */
    static final Duration WAIT = Duration.ofMinutes(10);

    private final IssuerClient issuer;
    private final String clientId;
    private final Browser browser;
    private final PrintWriter err;
    private final int port;

    /** What the browser brought back. */
    private record Callback(String code, String error, String description) {

        @Override
        public String toString() {
            return "Callback[" + (code == null ? "error=" + error : "a code") + "]";
        }
    }

    LoopbackFlow(IssuerClient issuer, String clientId, Browser browser, PrintWriter err, int port) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.browser = browser;
        this.err = err;
        this.port = port;
    }

    TokenGrant signIn() {
        if (issuer.metadata().authorizationEndpoint() == null) {
            throw new SignInNotCompleted(issuer.metadata().issuer() + " names no authorization_endpoint: it offers no "
                    + "browser sign-in");
        }
        Pkce pkce = Pkce.create();
        String state = Pkce.random();
        CompletableFuture<Callback> callback = new CompletableFuture<>();
        HttpServer server = listen(state, callback);
        try {
            String redirectUri = "http://127.0.0.1:" + server.getAddress().getPort() + CALLBACK_PATH;
            URI authorize = authorizeUrl(redirectUri, pkce, state);
            boolean opened = browser.open(authorize);
            err.println(opened ? "Your browser is opening the sign-in page; if it did not, open this link on this machine:"
                    : "Open this link in a browser on this machine to sign in:");
            err.println("  " + authorize);
            err.println("Waiting for the browser to come back to " + redirectUri + " (Ctrl-C to cancel)...");
            err.flush();
            Callback answer = await(callback);
            if (answer.error() != null) {
                throw new SignInNotCompleted("access_denied".equals(answer.error())
                        ? "the sign-in was denied in the browser: run apexshare login again to retry"
                        : "the issuer ended the sign-in: " + answer.error()
                                + (answer.description() == null ? "" : ": " + answer.description()));
            }
            try {
                return issuer.token(Map.of("grant_type", "authorization_code", "code", answer.code(),
                        "redirect_uri", redirectUri, "client_id", clientId, "code_verifier", pkce.verifier()));
            } catch (TokenRequestRefused e) {
                throw new SignInNotCompleted(issuer.metadata().issuer() + " refused the code: " + e.describe());
            }
        } finally {
            server.stop(0);
        }
    }

    private URI authorizeUrl(String redirectUri, Pkce pkce, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", SCOPES);
        query.put("state", state);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        StringBuilder url = new StringBuilder(issuer.metadata().authorizationEndpoint().toString());
        char separator = url.indexOf("?") < 0 ? '?' : '&';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    private HttpServer listen(String state, CompletableFuture<Callback> callback) {
        try {
            InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
            HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
            server.createContext("/", exchange -> answer(exchange, state, callback));
            server.start();
            return server;
        } catch (BindException e) {
            throw new SignInNotCompleted("cannot listen on 127.0.0.1:" + port + " for the browser's answer (in use?)");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1 for the browser's answer", e);
        }
    }

    /** The browser's visit: the first one with our state ends the wait; any other gets a page saying why not. */
    private static void answer(HttpExchange exchange, String state, CompletableFuture<Callback> callback)
            throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !CALLBACK_PATH.equals(exchange.getRequestURI().getPath())) {
                page(exchange, 404, "Not here", "This address only takes the sign-in's answer.");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI());
            if (!state.equals(query.get("state"))) {
                // Not the sign-in this command started (an old tab, another site): it must not end ours.
                page(exchange, 400, "Not this sign-in",
                        "This answer does not belong to the apexshare login waiting here. Nothing was changed.");
                return;
            }
            if (callback.isDone()) {
                page(exchange, 409, "Already done", "This sign-in is finished; you can close this tab.");
                return;
            }
            Callback result;
            if (query.get("code") != null) {
                page(exchange, 200, "Signed in", "apexshare is signed in. You can close this tab and return to the terminal.");
                result = new Callback(query.get("code"), null, null);
            } else {
                String error = query.getOrDefault("error", "no code");
                page(exchange, 200, "Not signed in", "The sign-in did not complete (" + error
                        + "). You can close this tab; the terminal says what to do.");
                result = new Callback(null, error, query.get("error_description"));
            }
            exchange.close();
            callback.complete(result);
        }
    }

    private static void page(HttpExchange exchange, int status, String title, String text) throws IOException {
        byte[] body = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ApexShare: " + html(title)
                + "</title></head><body style=\"font-family:sans-serif;max-width:32em;margin:4em auto\"><h1>"
                + html(title) + "</h1><p>" + html(text) + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        // The address held the code: no cache, no referrer; and no scripts or frames on this page.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                params.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static Callback await(CompletableFuture<Callback> callback) {
        try {
            return callback.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SignInNotCompleted("nobody completed the sign-in in the browser within " + WAIT.toMinutes()
                    + " minutes: run apexshare login again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInNotCompleted("interrupted while waiting for the browser");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
