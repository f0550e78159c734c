package com.apexshare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A device code nobody approves in time: its own provider, with device codes that live one second. */
@SpringBootTest(classes = IdentityProviderApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DeviceCodeExpiryIntegrationTest {

    private static final int PORT = ProviderIntegrationTest.freePort();
    private static final String ISSUER = "http://127.0.0.1:" + PORT;

    private final OAuthClient client = new OAuthClient(ISSUER);

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        ProviderIntegrationTest.provider(registry, PORT);
        registry.add("apexshare.identity.cli.device-code-lifetime", () -> "PT1S");
    }

    @Test
    void shouldTellTheCliItsCodeExpiredAndRefuseTheUserCodeToo() {
        // Given a device authorization that lives one second
        OAuthClient.Answer device = client.deviceAuthorization(ProviderIntegrationTest.CLI, "profile");
        assertThat(device.body().get("expires_in").asInt()).isEqualTo(1);

        // When nobody approves it in time, the polling CLI is told it expired
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> "expired_token".equals(
                        client.pollDevice(ProviderIntegrationTest.CLI, device.text("device_code")).error()));

        // Then a trainer typing the code afterwards is told it is no longer valid
        Browser browser = new Browser(ISSUER);
        HttpResponse<String> page = browser.follow(browser.signIn(browser.get("/activate"),
                ProviderIntegrationTest.TRAINER, ProviderIntegrationTest.TRAINER_PASSWORD));
        HttpResponse<String> answer = browser.submit(page, "/oauth2/device_verification", 0,
                Map.of("user_code", device.text("user_code")));
        assertThat(browser.location(answer).toString()).isEqualTo(ISSUER + "/activate?error=invalid");
    }
}
