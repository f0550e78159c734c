package com.apexshare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;

/** The CLI's sign-in on a machine without a browser (RFC 8628): the trainer approves on another device. */
class DeviceFlowIntegrationTest extends ProviderIntegrationTest {

    /** Not openid: Spring Authorization Server refuses it in the device flow (no ID token there). */
    private static final String SCOPES = "profile email offline_access";

    @Test
    void shouldIssueTokensToThePollingCliOnceTheTrainerApproves() throws Exception {
        // Given the CLI started a device authorization
        OAuthClient.Answer device = client.deviceAuthorization(CLI, SCOPES);
        assertThat(device.status()).isEqualTo(200);
        String deviceCode = device.text("device_code");
        String userCode = device.text("user_code");
        assertThat(device.text("verification_uri")).isEqualTo(ISSUER + "/activate");
        assertThat(device.text("verification_uri_complete")).startsWith(ISSUER + "/activate?user_code=");

        // When the CLI polls before the trainer acted
        OAuthClient.Answer pending = client.pollDevice(CLI, deviceCode);

        // Then it is told to wait
        assertThat(pending.status()).isEqualTo(400);
        assertThat(pending.error()).isEqualTo("authorization_pending");

        // When the trainer opens the verification link, signs in, confirms the code and allows the CLI
        Browser browser = browser();
        HttpResponse<String> consent = approveDevice(browser, device.text("verification_uri_complete"), userCode);
        assertThat(consent.body()).contains("Allow ApexShare command line?", userCode,
                "Stay signed in");
        HttpResponse<String> approved = browser.submit(consent, "/oauth2/device_verification", 0, Map.of());
        assertThat(browser.location(approved).getPath()).isEqualTo("/activated");
        assertThat(browser.follow(approved).body()).contains("Your device is signed in");

        // Then the next poll gets the trainer's tokens, a refresh token among them
        OAuthClient.Answer tokens = client.pollDevice(CLI, deviceCode);
        assertThat(tokens.status()).isEqualTo(200);
        JWTClaimsSet access = client.verify(tokens.accessToken());
        assertThat(access.getSubject()).isEqualTo(TRAINER);
        assertThat(access.getAudience()).containsExactly("apexshare-api");
        assertThat(access.getStringListClaim("roles")).containsExactly("trainer");
        assertThat(access.getStringClaim("name")).isEqualTo("Tess Trainer");
        assertThat(tokens.idToken()).isNull();
        assertThat(tokens.refreshToken()).isNotBlank();

        // And the CLI refreshes by its client id alone, the refresh token rotating
        OAuthClient.Answer refreshed = client.refreshAsPublic(CLI, tokens.refreshToken());
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(client.verify(refreshed.accessToken()).getSubject()).isEqualTo(TRAINER);
        assertThat(client.refreshAsPublic(CLI, tokens.refreshToken()).error()).isEqualTo("invalid_grant");

        // And the device code cannot be used twice (it was spent: Spring Authorization Server says access_denied)
        OAuthClient.Answer again = client.pollDevice(CLI, deviceCode);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.error()).isEqualTo("access_denied");
        assertThat(again.accessToken()).isNull();
    }

    @Test
    void shouldTellTheCliWhenTheTrainerDenies() {
        // Given a device authorization the trainer sees on the consent page
        OAuthClient.Answer device = client.deviceAuthorization(CLI, SCOPES);
        Browser browser = browser();
        HttpResponse<String> consent = approveDevice(browser, device.text("verification_uri"),
                device.text("user_code"));

        // When the trainer denies
        HttpResponse<String> denied = browser.submit(consent, "/oauth2/device_verification", 1, Map.of());

        // Then the page says so, and the polling CLI is told access was denied
        assertThat(browser.location(denied).toString()).isEqualTo(ISSUER + "/activate?error=denied");
        assertThat(browser.follow(denied).body()).contains("You denied access");
        OAuthClient.Answer answer = client.pollDevice(CLI, device.text("device_code"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("access_denied");
    }

    @Test
    void shouldRefuseAUserCodeThatWasNeverIssued() {
        // Given a signed-in trainer on the code page
        Browser browser = browser();
        HttpResponse<String> page = browser.follow(browser.signIn(browser.get("/activate"), TRAINER,
                TRAINER_PASSWORD));
        assertThat(page.body()).contains("<label for=\"user_code\">Device code</label>");

        // When they type a code nobody issued
        HttpResponse<String> answer = browser.submit(page, "/oauth2/device_verification", 0,
                Map.of("user_code", "BCDF-GHJK"));

        // Then they are told, on the page, and no consent is asked
        assertThat(browser.location(answer).toString()).isEqualTo(ISSUER + "/activate?error=invalid");
        assertThat(browser.follow(answer).body()).contains("That code is not valid or has expired");
    }

    @Test
    void shouldRefuseTheOpenIdScopeInTheDeviceFlow() {
        // When the CLI asks for an ID token in the device flow
        OAuthClient.Answer answer = client.deviceAuthorization(CLI, "openid profile");

        // Then the request is refused (the access token carries what the CLI needs)
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("invalid_scope");
    }

    @Test
    void shouldRefuseAnUnknownClientAndAConfidentialClientWithoutItsSecret() {
        // When an unknown client, or the gateway without its secret, asks for a device code
        OAuthClient.Answer unknown = client.deviceAuthorization("someone-else", "openid");
        OAuthClient.Answer gateway = client.deviceAuthorization(GATEWAY, "openid");

        // Then both are refused as clients
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.error()).isEqualTo("invalid_client");
        assertThat(gateway.status()).isEqualTo(401);
        assertThat(gateway.error()).isEqualTo("invalid_client");
    }

    /** Plays the trainer: opens the link, signs in, confirms the code; returns the consent page. */
    private HttpResponse<String> approveDevice(Browser browser, String verificationUri, String userCode) {
        HttpResponse<String> page = browser.follow(browser.signIn(browser.get(verificationUri), TRAINER,
                TRAINER_PASSWORD));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Enter the code shown by the ApexShare command line");
        HttpResponse<String> toConsent = browser.submit(page, "/oauth2/device_verification", 0,
                Map.of("user_code", userCode));
        URI consent = browser.location(toConsent);
        assertThat(consent.getPath()).isEqualTo("/consent");
        return browser.get(consent.toString());
    }
}
