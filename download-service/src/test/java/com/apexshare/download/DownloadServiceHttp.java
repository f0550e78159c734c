package com.apexshare.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.download.link.LinkFixture;

/**
 * The service under test over HTTP, and its connection to the devstack servers. Tests trust 127.0.0.1 as a proxy, so
 * each test can act as a client address of its own through {@code X-Forwarded-For} and keep its own rate-limit
 * budget.
 */
public abstract class DownloadServiceHttp {

    public static final String BUCKET = "apexshare-videos";
    protected static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Plays the other services for the test class: S3 objects and their events. */
    protected static LinkFixture fixture;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void openFixture() {
        fixture = new LinkFixture(BUCKET);
    }

    @AfterAll
    static void closeFixture() {
        fixture.close();
    }

    /** The devstack servers, with the service's data in a database of its own. */
    protected static void servers(DynamicPropertyRegistry registry, String database) {
        serviceProperties(database).forEach((k, v) -> registry.add(k, () -> v));
    }

    /** The service's settings for the devstack servers and a database of its own. */
    public static Map<String, String> serviceProperties(String database) {
        Map<String, String> p = new LinkedHashMap<>();
        p.putAll(SpringProperties.kafka());
        p.putAll(SpringProperties.datasource(database));
        S3Store s3 = DevStack.s3();
        s3.createBucket(BUCKET);
        p.put("apexshare.download.s3.bucket", BUCKET);
        p.put("apexshare.download.s3.endpoint", s3.endpoint().toString());
        p.put("apexshare.download.s3.path-style-access", "true");
        p.put("apexshare.download.s3.region", S3Store.REGION);
        p.put("apexshare.download.s3.access-key", S3Store.ACCESS_KEY);
        p.put("apexshare.download.s3.secret-key", S3Store.SECRET_KEY);
        p.put("apexshare.download.trusted-proxies", "127.0.0.1/32, ::1");
        p.put("apexshare.download.url-expiry", "PT5M");
        p.put("apexshare.download.rate-limit.requests-per-second", "10");
        p.put("apexshare.download.rate-limit.burst", "20");
        return p;
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

    /** Asks until the answer has the status (events are applied asynchronously), and returns that answer. */
    protected HttpResponse<String> awaitStatus(String path, String clientAddress, int status) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last.set(get(path, clientAddress));
            assertThat(last.get().statusCode()).isEqualTo(status);
        });
        return last.get();
    }

    protected HttpRequest.Builder request(String path, String clientAddress) {
        return HttpRequest.newBuilder(uri(path))
                .header("X-Forwarded-For", clientAddress)
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
    }
}
