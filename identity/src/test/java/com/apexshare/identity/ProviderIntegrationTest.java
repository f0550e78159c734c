package com.apexshare.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider on a real port, as the gateway and the CLI see it. Test classes extending this share one provider
 * (one Spring context): each test uses its own browser (session) and its own codes.
 */
@SpringBootTest(classes = IdentityProviderApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class ProviderIntegrationTest {

    static final String GATEWAY = "apexshare-gateway";
    static final String GATEWAY_SECRET = "gateway-test-secret";
    static final String GATEWAY_REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/apexshare";
    static final String CLI = "apexshare-cli";
    static final String TRAINER = "trainer@apexshare.local";
    static final String TRAINER_PASSWORD = "a test-only password";
    static final String OPERATOR = "ops@apexshare.local";
    static final String OPERATOR_PASSWORD = "another test-only password";

    static final int PORT = freePort();
    static final String ISSUER = "http://127.0.0.1:" + PORT;
    static final Path KEY_FILE = tempDir().resolve("signing-key.json");

    final OAuthClient client = new OAuthClient(ISSUER);

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        provider(registry, PORT);
        registry.add("apexshare.identity.signing-key-file", KEY_FILE::toString);
    }

    /** A provider on this port with the test gateway secret and the test trainers. */
    static void provider(DynamicPropertyRegistry registry, int port) {
        registry.add("server.port", () -> port);
        registry.add("apexshare.identity.issuer", () -> "http://127.0.0.1:" + port);
        registry.add("apexshare.identity.gateway.client-secret", () -> GATEWAY_SECRET);
        trainers(registry);
    }

    private static void trainers(DynamicPropertyRegistry registry) {
        registry.add("apexshare.identity.users[0].username", () -> TRAINER);
        registry.add("apexshare.identity.users[0].password", () -> TRAINER_PASSWORD);
        registry.add("apexshare.identity.users[0].name", () -> "Tess Trainer");
        registry.add("apexshare.identity.users[0].email", () -> "tess@school.example");
        registry.add("apexshare.identity.users[0].roles", () -> "trainer");
        registry.add("apexshare.identity.users[1].username", () -> OPERATOR);
        registry.add("apexshare.identity.users[1].password", () -> OPERATOR_PASSWORD);
        registry.add("apexshare.identity.users[1].name", () -> "Otto Operator");
        registry.add("apexshare.identity.users[1].email", () -> "otto@school.example");
        registry.add("apexshare.identity.users[1].roles", () -> "operator,viewer");
    }

    Browser browser() {
        return new Browser(ISSUER);
    }

    /** The gateway's sign-in up to the redirect back with a code (the trainer needs no consent for the gateway). */
    SignedIn signInThroughGateway(Browser browser, String username, String password) {
        return signInThroughGateway(client, browser, username, password);
    }

    static SignedIn signInThroughGateway(OAuthClient client, Browser browser, String username, String password) {
        OAuthClient.Pkce pkce = OAuthClient.Pkce.create();
        String state = UUID.randomUUID().toString();
        HttpResponse<String> toLogin = browser.get(
                client.authorizeUrl(GATEWAY, GATEWAY_REDIRECT, "openid profile email", pkce, state));
        HttpResponse<String> back = browser.follow(browser.signIn(toLogin, username, password));
        URI redirect = browser.location(back);
        Map<String, String> params = Browser.query(redirect);
        if (!redirect.toString().startsWith(GATEWAY_REDIRECT + "?") || !state.equals(params.get("state"))) {
            throw new AssertionError("Not redirected back to the gateway with the state: " + redirect);
        }
        return new SignedIn(params.get("code"), pkce);
    }

    record SignedIn(String code, OAuthClient.Pkce pkce) {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("identity-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
