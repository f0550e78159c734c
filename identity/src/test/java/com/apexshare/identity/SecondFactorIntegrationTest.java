package com.apexshare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/** With the second factor on: the password, then a one-time code sent by email over SMTP (GreenMail here). */
@SpringBootTest(classes = IdentityProviderApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SecondFactorIntegrationTest {

    private static final int PORT = ProviderIntegrationTest.freePort();
    private static final String ISSUER = "http://127.0.0.1:" + PORT;
    private static final Pattern CODE = Pattern.compile("Your one-time sign-in code: (\\S+)");
    private static final GreenMail SMTP = startSmtp();

    private final OAuthClient client = new OAuthClient(ISSUER);

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        ProviderIntegrationTest.provider(registry, PORT);
        registry.add("apexshare.identity.mfa.enabled", () -> "true");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Test
    void shouldNotIssueACodeForThePasswordAlone() {
        // Given the gateway's authorization request
        Browser browser = new Browser(ISSUER);
        String url = authorizeUrl(OAuthClient.Pkce.create(), "s");

        // When the trainer gives the right password
        HttpResponse<String> afterPassword = browser.follow(browser.signIn(browser.get(url),
                ProviderIntegrationTest.TRAINER, ProviderIntegrationTest.TRAINER_PASSWORD));

        // Then no code goes to the gateway: the provider asks for the emailed code
        assertThat(afterPassword.uri().getPath()).isEqualTo("/login/code");
        assertThat(afterPassword.body()).contains("One more step", "t•••@school.example",
                "<label for=\"token\">One-time code from the email</label>");
        HttpResponse<String> retried = browser.get(url);
        assertThat(browser.location(retried).getPath()).isEqualTo("/login/code");
        assertThat(browser.location(retried).getQuery()).doesNotContain("code=");
    }

    @Test
    void shouldIssueTheCodeAfterTheEmailedOneTimeCode() throws Exception {
        // Given a trainer past the password step
        Browser browser = new Browser(ISSUER);
        OAuthClient.Pkce pkce = OAuthClient.Pkce.create();
        String state = UUID.randomUUID().toString();
        HttpResponse<String> codePage = browser.follow(browser.signIn(browser.get(authorizeUrl(pkce, state)),
                ProviderIntegrationTest.TRAINER, ProviderIntegrationTest.TRAINER_PASSWORD));
        int mailsBefore = SMTP.getReceivedMessagesForDomain("tess@school.example").length;

        // When they ask for the code, and enter the one the email brings
        HttpResponse<String> sent = browser.follow(browser.submit(codePage, "/ott/generate", 0, Map.of()));
        assertThat(sent.body()).contains("We sent a code to t•••@school.example");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SMTP.getReceivedMessagesForDomain("tess@school.example").length > mailsBefore);
        MimeMessage mail = SMTP.getReceivedMessagesForDomain("tess@school.example")[mailsBefore];
        assertThat(mail.getSubject()).isEqualTo("Your ApexShare sign-in code");
        Matcher code = CODE.matcher(GreenMailUtil.getBody(mail));
        assertThat(code.find()).isTrue();
        HttpResponse<String> back = browser.follow(browser.submit(sent, "/login/ott", 0,
                Map.of("token", code.group(1))));

        // Then the gateway gets its code, and the tokens are the trainer's
        URI redirect = browser.location(back);
        assertThat(redirect.toString()).startsWith(ProviderIntegrationTest.GATEWAY_REDIRECT + "?");
        assertThat(Browser.query(redirect)).containsEntry("state", state);
        OAuthClient.Answer tokens = client.exchangeAsConfidential(ProviderIntegrationTest.GATEWAY,
                ProviderIntegrationTest.GATEWAY_SECRET, Browser.query(redirect).get("code"),
                ProviderIntegrationTest.GATEWAY_REDIRECT, pkce.verifier());
        assertThat(client.verify(tokens.accessToken()).getSubject()).isEqualTo(ProviderIntegrationTest.TRAINER);

        // And the code works only once
        Browser other = new Browser(ISSUER);
        HttpResponse<String> otherCodePage = other.follow(other.signIn(other.get(authorizeUrl(pkce, "x")),
                ProviderIntegrationTest.TRAINER, ProviderIntegrationTest.TRAINER_PASSWORD));
        HttpResponse<String> reused = other.submit(otherCodePage, "/login/ott", 0, Map.of("token", code.group(1)));
        assertThat(other.location(reused).toString()).isEqualTo(ISSUER + "/login/code?error");
    }

    @Test
    void shouldRefuseAWrongCode() {
        // Given a trainer past the password step
        Browser browser = new Browser(ISSUER);
        HttpResponse<String> codePage = browser.follow(browser.signIn(browser.get(authorizeUrl(
                OAuthClient.Pkce.create(), "s")), ProviderIntegrationTest.TRAINER,
                ProviderIntegrationTest.TRAINER_PASSWORD));

        // When they type a code that was never sent
        HttpResponse<String> answer = browser.submit(codePage, "/login/ott", 0,
                Map.of("token", UUID.randomUUID().toString()));

        // Then they stay on the code page with an error
        assertThat(browser.location(answer).toString()).isEqualTo(ISSUER + "/login/code?error");
        assertThat(browser.follow(answer).body()).contains("That code is wrong or has expired");
    }

    @Test
    void shouldMailNoCodeToSomeoneWhoGaveNoPassword() {
        // Given a visitor who did not sign in, with the login page's CSRF token
        Browser browser = new Browser(ISSUER);
        HttpResponse<String> login = browser.get("/login");
        int mailsBefore = SMTP.getReceivedMessages().length;

        // When they ask for a code for a trainer
        HttpResponse<String> answer = browser.post("/ott/generate", Map.of("username",
                ProviderIntegrationTest.TRAINER, "_csrf", Browser.hiddenFields(login.body(), "/login").get("_csrf")));

        // Then they are sent to the password page, and no email goes out
        assertThat(browser.location(answer).getPath()).isEqualTo("/login");
        assertThat(SMTP.getReceivedMessages()).hasSize(mailsBefore);
    }

    private String authorizeUrl(OAuthClient.Pkce pkce, String state) {
        return client.authorizeUrl(ProviderIntegrationTest.GATEWAY, ProviderIntegrationTest.GATEWAY_REDIRECT,
                "openid profile email", pkce, state);
    }

    private static GreenMail startSmtp() {
        ServerSetup setup = new ServerSetup(ProviderIntegrationTest.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(10_000);
        GreenMail greenMail = new GreenMail(setup);
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
        return greenMail;
    }
}
