package com.apexshare.cli.signin;

import static com.apexshare.cli.signin.SignInSteps.assertNoTokenIn;
import static com.apexshare.cli.signin.SignInSteps.credentialsFile;
import static com.apexshare.cli.signin.SignInSteps.deviceLogin;
import static com.apexshare.cli.signin.SignInSteps.stored;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.cli.CliRunner;
import com.apexshare.cli.UploadApiServer;
import com.apexshare.cli.console.Browser;
import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.IdentityProvider;
import com.apexshare.devstack.Ports;

import tools.jackson.databind.JsonNode;

/**
 * {@code apexshare login}, {@code whoami}, {@code logout} against ApexShare's real identity provider (devstack, a child
 * JVM), the test playing the trainer in the provider's pages over HTTP, and an API that accepts exactly the tokens
 * the services would (the provider's signature, issuer, audience, expiry).
 */
class LoginIntegrationTest {

    private static final String DEMO_NAME = "Demo Trainer";

    @TempDir
    Path dir;

    private final IdentityProvider identity = DevStack.identity();
    private final ProviderTokens tokens = new ProviderTokens(identity);
    private UploadApiServer api;
    private CliRunner cli;

    @BeforeEach
    void startApi() {
        api = UploadApiServer.start(tokens);
        cli = new CliRunner(dir.resolve("home")).api(api.url(), null);
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void shouldSignInWithTheDeviceFlowWhenNoBrowserCanOpenAndKeepTheTokensOwnerOnly() throws IOException {
        // Given a machine without a browser (as over SSH)
        // When the trainer runs apexshare login and approves the code in the provider's pages elsewhere
        CliRunner.Background login = cli.start("login", "--issuer", identity.issuerUri());
        String userCode = login.awaitErr(SignInSteps.USER_CODE);
        String link = login.awaitErr(SignInSteps.VERIFICATION_LINK);
        assertThat(link).startsWith(identity.issuerUri() + "/activate?user_code=");
        new TrainerBrowser(identity).approveDevice(link, userCode, TrainerBrowser.ALLOW);
        CliRunner.Run run = login.finish();

        // Then it chose the device flow and said why, and signed in as the demo trainer
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("No browser on this machine, so: sign in with a code on any device")
                .contains("Open " + identity.issuerUri() + "/activate on any device");
        assertThat(run.out()).contains("Signed in to " + api.url() + " as " + DEMO_NAME + " <"
                + IdentityProvider.DEMO_TRAINER + "> (issuer " + identity.issuerUri() + ")");

        // And the tokens are in credentials.json, owner-only in an owner-only directory, for this API and issuer
        Path file = credentialsFile(cli);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("credentials.json", "credentials.lock");
        JsonNode signIn = stored(cli);
        assertThat(signIn.path("apiUrl").asString()).isEqualTo(api.url().toString());
        assertThat(signIn.path("issuer").asString()).isEqualTo(identity.issuerUri());
        assertThat(signIn.path("clientId").asString()).isEqualTo(IdentityProvider.CLI_CLIENT_ID);
        assertThat(signIn.path("flow").asString()).isEqualTo("device");
        assertThat(tokens.test(signIn.path("accessToken").asString())).isTrue();
        assertThat(signIn.path("refreshToken").asString()).isNotBlank();

        // And whoami tells who that is, from the token's claims, saying the signature was not checked
        CliRunner.Run whoami = cli.run("whoami");
        assertThat(whoami.exitCode()).as(whoami.err()).isZero();
        assertThat(whoami.out()).contains("Signed in to " + api.url() + " as " + DEMO_NAME)
                .containsPattern("name +" + DEMO_NAME).containsPattern("email +" + IdentityProvider.DEMO_TRAINER)
                .containsPattern("subject +" + IdentityProvider.DEMO_TRAINER).containsPattern("roles +trainer")
                .containsPattern("issuer +" + identity.issuerUri())
                .containsPattern("expires +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ \\(the access token; renewed")
                .containsPattern("source +apexshare login \\(device flow, .*credentials.json")
                .contains("without checking its signature");

        // And the API calls go out with the stored token
        CliRunner.Run recent = cli.run("recent");
        assertThat(recent.exitCode()).as(recent.err()).isZero();
        assertThat(recent.out()).contains("No uploads yet.");
        assertThat(api.tokensSeen).containsExactly(signIn.path("accessToken").asString());

        // And no token was ever printed
        assertNoTokenIn(run, signIn);
        assertNoTokenIn(whoami, signIn);
        assertNoTokenIn(recent, signIn);
    }

    @Test
    void shouldSignInWithTheBrowserWhenOneCanOpenAndCheckTheState() throws Exception {
        // Given a machine with a browser (the test's: it notes the pages it is asked to open)
        List<URI> opened = new CopyOnWriteArrayList<>();
        cli.browser(new Browser() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public boolean open(URI page) {
                opened.add(page);
                return true;
            }
        });

        // When the trainer runs apexshare login
        CliRunner.Background login = cli.start("login", "--issuer", identity.issuerUri());
        String printed = login.awaitErr(SignInSteps.AUTHORIZE_LINK);

        // Then the browser was asked to open the authorization page that was also printed: PKCE S256, state, loopback
        assertThat(opened).containsExactly(URI.create(printed));
        assertThat(printed).startsWith(identity.issuerUri() + "/oauth2/authorize?response_type=code&client_id="
                + IdentityProvider.CLI_CLIENT_ID + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A")
                .contains("&scope=openid%20profile%20email%20offline_access&state=")
                .contains("&code_challenge_method=S256");
        String redirect = java.net.URLDecoder.decode(printed.replaceAll(".*redirect_uri=([^&]+).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(redirect).matches("http://127\\.0\\.0\\.1:\\d+/callback");

        // When something else reaches the callback with another state first
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(redirect + "?code=stolen&state=not-ours")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        // Then it is refused and the sign-in goes on waiting
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("does not belong to the apexshare login waiting here");

        // When the trainer signs in and allows the CLI in that browser
        HttpResponse<String> page = new TrainerBrowser(identity).approveBrowserSignIn(printed, TrainerBrowser.ALLOW);
        CliRunner.Run run = login.finish();

        // Then the CLI's page says so, and the CLI is signed in as the demo trainer with an ID token too
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You can close this tab and return to the terminal");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Signing in with your browser (--device to use a code on another device");
        assertThat(run.out()).contains("Signed in to " + api.url() + " as " + DEMO_NAME);
        JsonNode signIn = stored(cli);
        assertThat(signIn.path("flow").asString()).isEqualTo("browser");
        assertThat(signIn.path("idToken").asString()).isNotBlank();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialsFile(cli))))
                .isEqualTo("rw-------");
        CliRunner.Run whoami = cli.run("whoami");
        assertThat(whoami.out()).containsPattern("source +apexshare login \\(browser, ");
        assertNoTokenIn(run, signIn);
        assertNoTokenIn(whoami, signIn);
    }

    @Test
    void shouldEndWithAClearMessageWhenTheTrainerDeniesTheDevice() {
        // Given a device sign-in waiting
        CliRunner.Background login = cli.start("login", "--issuer", identity.issuerUri(), "--device");
        String userCode = login.awaitErr(SignInSteps.USER_CODE);
        String link = login.awaitErr(SignInSteps.VERIFICATION_LINK);

        // When the trainer denies it in the provider's pages
        HttpResponse<String> denied = new TrainerBrowser(identity).approveDevice(link, userCode, TrainerBrowser.DENY);

        // Then the CLI says so and keeps nothing
        assertThat(denied.body()).contains("You denied access");
        CliRunner.Run run = login.finish();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("apexshare login: the sign-in was denied in the browser (or the code was used "
                + "already): run apexshare login again to retry");
        assertThat(Files.exists(credentialsFile(cli))).isFalse();
    }

    @Test
    void shouldEndWithAClearMessageWhenTheTrainerDeniesInTheBrowser() {
        // Given a browser sign-in waiting
        CliRunner.Background login = cli.start("login", "--issuer", identity.issuerUri(), "--browser");
        String authorize = login.awaitErr(SignInSteps.AUTHORIZE_LINK);

        // When the trainer denies it
        HttpResponse<String> page = new TrainerBrowser(identity).approveBrowserSignIn(authorize, TrainerBrowser.DENY);

        // Then the page and the CLI say so, and nothing is kept
        assertThat(page.body()).contains("The sign-in did not complete (access_denied)");
        CliRunner.Run run = login.finish();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("apexshare login: the sign-in was denied in the browser: run apexshare login "
                + "again to retry");
        assertThat(Files.exists(credentialsFile(cli))).isFalse();
    }

    @Test
    void shouldRenewOnceAfterA401AndKeepTheRotatedRefreshToken() {
        // Given a signed-in trainer whose access token the API stops accepting (still valid by its expiry)
        deviceLogin(cli, identity);
        JsonNode before = stored(cli);
        tokens.refuse(before.path("accessToken").asString());

        // When the dashboard is asked for
        CliRunner.Run run = cli.run("recent");

        // Then the CLI renewed the token after the 401 and repeated the call once, with the new token
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode after = stored(cli);
        assertThat(api.tokensSeen).containsExactly(before.path("accessToken").asString(),
                after.path("accessToken").asString());
        assertThat(api.unauthorized).hasValue(1);

        // And it stored the rotated refresh token: the old one no longer works at the provider, the new one does
        assertThat(after.path("refreshToken").asString()).isNotEqualTo(before.path("refreshToken").asString());
        assertThat(SignInSteps.refreshStatus(identity, before.path("refreshToken").asString())).isEqualTo(400);
        assertNoTokenIn(run, before, after);
    }

    @Test
    void shouldSayRunApexShareLoginWhenTheApiRefusesEvenTheRenewedToken() {
        // Given a trainer signed in for an API that refuses every token (as if it trusted another issuer)
        UploadApiServer strict = UploadApiServer.start(token -> false);
        try {
            cli.api(strict.url(), null);
            deviceLogin(cli, identity);

            // When the dashboard is asked for
            CliRunner.Run run = cli.run("recent");

            // Then one renewal was tried, then the trainer is told to sign in again, exit code 3
            assertThat(strict.unauthorized).hasValue(2);
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("apexshare recent: ApexShare at " + strict.url() + " refuses the token of "
                    + "your sign-in at " + identity.issuerUri() + " (HTTP 401): run apexshare login");
        } finally {
            strict.close();
        }
    }

    @Test
    void shouldPreferApexShareTokenOverTheStoredSignIn() {
        // Given a signed-in trainer, and another trainer's token in APEXSHARE_TOKEN (a script)
        deviceLogin(cli, identity);
        String scripted = identity.trainerToken("robot@apexshare.local", "Robot Trainer", "robot@apexshare.local");
        cli.env("APEXSHARE_TOKEN", scripted);

        // When whoami and the dashboard run
        CliRunner.Run whoami = cli.run("whoami");
        CliRunner.Run recent = cli.run("recent");

        // Then both use the variable's token, as it is
        assertThat(whoami.exitCode()).as(whoami.err()).isZero();
        assertThat(whoami.out()).contains("Calls to " + api.url() + " go out as Robot Trainer <robot@apexshare.local>")
                .containsPattern("subject +robot@apexshare.local")
                .containsPattern("source +APEXSHARE_TOKEN \\(takes precedence over apexshare login\\)");
        assertThat(recent.exitCode()).as(recent.err()).isZero();
        assertThat(api.tokensSeen).containsExactly(scripted);
        assertThat(whoami.out() + whoami.err() + recent.out() + recent.err()).doesNotContain(scripted.substring(40, 80));
    }

    @Test
    void shouldSignOutDeleteTheCredentialsAndSayWhetherTheIssuerRevokedThem() {
        // Given a signed-in trainer
        deviceLogin(cli, identity);
        JsonNode signIn = stored(cli);

        // When they sign out
        CliRunner.Run logout = cli.run("logout");

        // Then the credentials are gone and the commands say to sign in (exit code 3)
        assertThat(logout.exitCode()).as(logout.err()).isZero();
        assertThat(logout.out()).contains("Signed out of " + api.url() + ": the tokens are deleted from "
                + credentialsFile(cli));
        assertThat(Files.exists(credentialsFile(cli))).isFalse();
        CliRunner.Run whoami = cli.run("whoami");
        CliRunner.Run recent = cli.run("recent");
        assertThat(whoami.exitCode()).isEqualTo(3);
        assertThat(whoami.err()).contains("apexshare whoami: not signed in to " + api.url() + ": run apexshare login "
                + "(or set APEXSHARE_TOKEN for scripts)");
        assertThat(recent.exitCode()).isEqualTo(3);
        assertThat(recent.err()).contains("apexshare recent: not signed in to " + api.url());
        assertThat(api.tokensSeen).isEmpty();

        // And the issuer revoked the refresh token: it no longer gets a token
        assertThat(logout.out()).contains("The issuer " + identity.issuerUri() + " revoked the sign-in.");
        assertThat(SignInSteps.refreshStatus(identity, signIn.path("refreshToken").asString())).isNotEqualTo(200);
        assertNoTokenIn(logout, signIn);

        // And signing out again has nothing to do
        CliRunner.Run again = cli.run("logout");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Not signed in to " + api.url() + "; nothing to do.");
    }

    @Test
    void shouldKeepOneSignInPerApiUrlAndUseTheOneOfTheApiCalled() {
        // Given sign-ins for two API URLs
        UploadApiServer other = UploadApiServer.start(tokens);
        try {
            deviceLogin(cli, identity);
            cli.api(other.url(), null);
            deviceLogin(cli, identity);

            // When the first is signed out of
            CliRunner.Run logout = cli.run("logout", "--api-url", api.url().toString());

            // Then the other one still works, and only it is kept
            assertThat(logout.exitCode()).isZero();
            CliRunner.Run recent = cli.run("recent");
            assertThat(recent.exitCode()).as(recent.err()).isZero();
            assertThat(other.tokensSeen).hasSize(1);
            assertThat(stored(cli).path("apiUrl").asString()).isEqualTo(other.url().toString());
        } finally {
            other.close();
        }
    }

    @Test
    void shouldUploadWithTheStoredSignInAndRefuseToStartWithoutOne() throws IOException {
        // Given a clip, and no sign-in yet
        Path clip = Files.write(dir.resolve("ride.mp4"), new byte[2000]);
        String[] upload = {"upload", clip.toString(), "--student-email", "sue@example.com", "--student-name", "Sue",
                "--session-date", "2026-11-20", "--quiet"};

        // When it is uploaded before signing in, Then nothing starts and the trainer is told to sign in (code 3)
        CliRunner.Run before = cli.run(upload);
        assertThat(before.exitCode()).isEqualTo(3);
        assertThat(before.err()).contains("not signed in to " + api.url() + ": run apexshare login");
        assertThat(api.initiates).hasValue(0);

        // When the trainer signed in and uploads again, Then it goes through as them
        deviceLogin(cli, identity);
        CliRunner.Run after = cli.run(upload);
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).contains("1 file: 1 uploaded");
        assertThat(api.tokensSeen).isNotEmpty().allMatch(tokens);
        assertNoTokenIn(after, stored(cli));
    }

    @Test
    void shouldExplainAnIssuerThatCannotBeReachedOrIsNotSafe() {
        // Given an issuer URL where nothing listens, and a plain-http one on another machine
        CliRunner.Run unreachable = cli.run("login", "--issuer", "http://127.0.0.1:" + Ports.free());
        CliRunner.Run plain = cli.run("login", "--issuer", "http://login.example.com");

        // Then: unreachable is a failure naming the issuer, plain http elsewhere a usage error
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("apexshare login: cannot reach the issuer http://127.0.0.1:")
                .contains("is it running? (set --issuer or APEXSHARE_ISSUER)");
        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.err()).contains("http://login.example.com must be https");
    }

}
