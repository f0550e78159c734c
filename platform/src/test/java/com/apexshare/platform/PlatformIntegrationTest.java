package com.apexshare.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.IdentityProvider;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.platform.app.PlatformTestApplication;

/**
 * The platform's test service on a random port, against the real devstack servers (Kafka, PostgreSQL, the token
 * issuer), started once per JVM and shared by every test class.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PlatformIntegrationTest {

    public static final String DATABASE = "platform_test";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SpringProperties.kafka().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.jwt().forEach((k, v) -> registry.add(k, () -> v));
        SpringProperties.datasource(DATABASE).forEach((k, v) -> registry.add(k, () -> v));
    }

    public static IdentityProvider identity() {
        return DevStack.identity();
    }

    public static String trainerToken() {
        return identity().trainerToken("trainer-7", "Tess Trainer", "tess@trainers.example");
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    HttpResponse<String> post(String path, String json, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> claims(Object... pairs) {
        java.util.HashMap<String, Object> claims = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            claims.put((String) pairs[i], pairs[i + 1]);
        }
        return claims;
    }
}
