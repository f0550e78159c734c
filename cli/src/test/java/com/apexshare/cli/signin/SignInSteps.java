package com.apexshare.cli.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.apexshare.cli.CliRunner;
import com.apexshare.devstack.IdentityProvider;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The steps the sign-in tests share: the trainer approving, reading the stored sign-in, checking no token leaked. */
final class SignInSteps {

    static final Pattern USER_CODE = Pattern.compile("enter the code (\\S+)");
    static final Pattern VERIFICATION_LINK = Pattern.compile("or open (\\S+)");
    static final Pattern AUTHORIZE_LINK = Pattern.compile("(http\\S+response_type=code\\S*)");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SignInSteps() {
    }

    /** {@code apexshare login} by the device flow, the trainer allowing it in the provider's pages. */
    static CliRunner.Run deviceLogin(CliRunner cli, IdentityProvider identity, String... more) {
        List<String> args = new ArrayList<>(List.of("login", "--issuer", identity.issuerUri(), "--device"));
        args.addAll(List.of(more));
        CliRunner.Background login = cli.start(args.toArray(String[]::new));
        String userCode = login.awaitErr(USER_CODE);
        String link = login.awaitErr(VERIFICATION_LINK);
        HttpResponse<String> done = new TrainerBrowser(identity).approveDevice(link, userCode, TrainerBrowser.ALLOW);
        assertThat(done.body()).contains("Your device is signed in");
        CliRunner.Run run = login.finish();
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    /** {@code apexshare login --browser}: the trainer follows the printed link, and the redirect reaches the CLI. */
    static CliRunner.Run browserLogin(CliRunner cli, IdentityProvider identity) {
        CliRunner.Background login = cli.start("login", "--issuer", identity.issuerUri(), "--browser");
        String authorize = login.awaitErr(AUTHORIZE_LINK);
        HttpResponse<String> page = new TrainerBrowser(identity).approveBrowserSignIn(authorize, TrainerBrowser.ALLOW);
        assertThat(page.body()).contains("You can close this tab");
        CliRunner.Run run = login.finish();
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    static Path credentialsFile(CliRunner cli) {
        return cli.configDir().resolve("credentials.json");
    }

    /** The one sign-in kept in {@code credentials.json}. */
    static JsonNode stored(CliRunner cli) {
        try {
            JsonNode signIns = JSON.readTree(Files.readString(credentialsFile(cli))).path("signIns");
            assertThat(signIns.size()).isEqualTo(1);
            return signIns.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No token of the sign-in (access, refresh, ID) in what the run printed, not even in part. */
    static void assertNoTokenIn(CliRunner.Run run, JsonNode... signIns) {
        for (JsonNode signIn : signIns) {
            for (String field : List.of("accessToken", "refreshToken", "idToken")) {
                String token = signIn.path(field).asString("");
                if (token.length() > 20) {
                    String middle = token.substring(token.length() / 2 - 10, token.length() / 2 + 10);
                    assertThat(run.out() + run.err()).as("output must not hold the " + field)
                            .doesNotContain(middle);
                }
            }
        }
    }

    /** Whether the provider still renews with this refresh token (asked directly, as the client would). */
    static int refreshStatus(IdentityProvider identity, String refreshToken) {
        String form = "grant_type=refresh_token&client_id=" + IdentityProvider.CLI_CLIENT_ID + "&refresh_token="
                + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    identity.issuerUri() + "/.well-known/openid-configuration")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            URI tokenEndpoint = URI.create(JSON.readTree(discovery.body()).path("token_endpoint").asString());
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
