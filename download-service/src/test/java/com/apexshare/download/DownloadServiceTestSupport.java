package com.apexshare.download;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;
import com.apexshare.devstack.SpringProperties;

/**
 * Base of every Spring integration test of the module: one configuration, so Spring's context cache starts the
 * application once per JVM for all of them. Tests trust 127.0.0.1 as a proxy, so each test can act as a client
 * address of its own through {@code X-Forwarded-For} and keep its own rate-limit budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DownloadServiceTestSupport {

    public static final String BUCKET = "apexshare-videos";
    protected static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        servers(registry, "download");
    }

    /** The devstack servers with a database of its own, for the test classes that need a context of their own. */
    public static void servers(DynamicPropertyRegistry registry, String database) {
        SpringProperties.kafka().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.datasource(database).forEach((k, v) -> registry.add(k, () -> v));
        S3Store s3 = DevStack.s3();
        s3.createBucket(BUCKET);
        registry.add("apexshare.download.s3.bucket", () -> BUCKET);
        registry.add("apexshare.download.s3.endpoint", () -> s3.endpoint().toString());
        registry.add("apexshare.download.s3.path-style-access", () -> "true");
        registry.add("apexshare.download.s3.region", () -> S3Store.REGION);
        registry.add("apexshare.download.s3.access-key", () -> S3Store.ACCESS_KEY);
        registry.add("apexshare.download.s3.secret-key", () -> S3Store.SECRET_KEY);
        registry.add("apexshare.download.trusted-proxies", () -> "127.0.0.1/32, ::1");
        registry.add("apexshare.download.url-expiry", () -> "PT5M");
        registry.add("apexshare.download.rate-limit.requests-per-second", () -> "10");
        registry.add("apexshare.download.rate-limit.burst", () -> "20");
    }

    /** A client address no other test uses (from 172.16.0.0/12), for {@code X-Forwarded-For}. */
    protected static String freshClientAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "172." + (16 + r.nextInt(16)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> get(String path, String clientAddress) throws IOException, InterruptedException {
        return HTTP.send(request(path, clientAddress).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpRequest.Builder request(String path, String clientAddress) {
        return HttpRequest.newBuilder(uri(path))
                .header("X-Forwarded-For", clientAddress)
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
    }
}
