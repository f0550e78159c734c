package com.apexshare.devstack.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local run's API gateway: one address for the browser and the CLI, routing the public paths to the services as
 * the production ingress does. API traffic only; video bytes go straight to S3.
 */
public final class DevGateway implements AutoCloseable {

    /** A route: requests whose path matches go to the target base URI. */
    public record Route(Pattern path, URI target) {
        public static Route prefix(String prefix, URI target) {
            return new Route(Pattern.compile("^" + Pattern.quote(prefix) + ".*"), target);
        }

        public static Route regex(String regex, URI target) {
            return new Route(Pattern.compile(regex), target);
        }
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect");

    private final HttpServer server;
    private final HttpClient client;
    private final List<Route> routes;
    private final ExecutorService executor;

    private DevGateway(HttpServer server, List<Route> routes, ExecutorService executor) {
        this.server = server;
        this.routes = routes;
        this.executor = executor;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The routes of ApexShare's public API, as the Helm chart's ingress has them. */
    public static List<Route> apexShareRoutes(URI upload, URI catalog, URI download) {
        return List.of(
                Route.prefix("/api/v1/uploads/initiate", upload),
                Route.regex("^/api/v1/uploads/[^/]+/(parts|parts/urls|complete|abort)$", upload),
                Route.prefix("/api/v1/uploads", catalog),
                Route.prefix("/api/v1/downloads/", download),
                Route.prefix("/d/", download));
    }

    public static DevGateway start(int port, List<Route> routes) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            ExecutorService executor = Executors.newFixedThreadPool(32, r -> {
                Thread t = new Thread(r, "dev-gateway");
                t.setDaemon(true);
                return t;
            });
            DevGateway gateway = new DevGateway(server, routes, executor);
            server.createContext("/", gateway::handle);
            server.setExecutor(executor);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the gateway on port " + port + " (in use?)", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Route route = routes.stream().filter(r -> r.path().matcher(path).matches()).findFirst().orElse(null);
            if (route == null) {
                reply(exchange, 404, "{\"success\":false,\"error\":{\"status\":404,\"code\":\"NOT_FOUND\","
                        + "\"message\":" + S3EventMessages.json("No service serves " + path) + ",\"fields\":[]}}");
                return;
            }
            forward(exchange, route);
        }
    }

    private void forward(HttpExchange exchange, Route route) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        URI target = URI.create(route.target().toString().replaceAll("/$", "")
                + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        request.header("X-Forwarded-Proto", "http");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null) {
            request.header("X-Forwarded-Host", host);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            reply(exchange, 503, "{\"success\":false,\"error\":{\"status\":503,\"code\":\"SERVICE_UNAVAILABLE\","
                    + "\"message\":\"The service behind this path is not running\",\"fields\":[]}}");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while forwarding", e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || response.statusCode() == 204
                || response.statusCode() == 304;
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : length == 0 ? -1 : Math.max(length, 0));
        try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                in.transferTo(out);
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
