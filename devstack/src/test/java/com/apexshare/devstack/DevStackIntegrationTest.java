package com.apexshare.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;


class DevStackIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldStartTheWholeSet() {
        // When every server is asked for (servers that other tests of this JVM started already are simply handed out)
        long t0 = System.nanoTime();
        KafkaBroker kafka = DevStack.kafka();
        Postgres postgres = DevStack.postgres();
        S3Store s3 = DevStack.s3();
        MailServer smtp = DevStack.smtp();
        IdentityProvider issuer = DevStack.identity();
        // A figure for the log, never asserted: speed depends on the machine's load (each server's own start-up time
        // is logged by DevStack when it starts).
        System.out.printf("devstack: all servers up in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        // Then each listens on a loopback port of its own, and asking again hands out the same server
        assertThat(List.of(kafka.port(), postgres.port(), s3.port(), smtp.port(),
                URI.create(issuer.issuerUri()).getPort())).allSatisfy(port -> assertThat(port).isPositive())
                .doesNotHaveDuplicates();
        assertThat(DevStack.kafka()).isSameAs(kafka);
        assertThat(DevStack.s3()).isSameAs(s3);
    }

    @Test
    void shouldRunARealKafkaBroker() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                DevStack.kafka().bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void shouldRunARealPostgresWithADatabasePerService() throws Exception {
        String url = DevStack.postgres().createDatabase("devstack_test");
        assertThat(DevStack.postgres().createDatabase("devstack_test")).as("idempotent").isEqualTo(url);
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("devstack_test");
            assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
        }
    }

    @Test
    void shouldRunAnS3ServerThatChecksSignaturesAndExpiry() throws Exception {
        // Given an object in a fresh bucket
        S3Store s3 = DevStack.s3();
        String bucket = "devstack-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(bucket);
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3Store.ACCESS_KEY, S3Store.SECRET_KEY));
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        try (S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).serviceConfiguration(pathStyle).build();
             S3Presigner presigner = S3Presigner.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).serviceConfiguration(pathStyle).build()) {
            client.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("hello"));

            // When it is fetched through presigned URLs: valid, tampered, expired
            URI valid = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket).key("k"))).url().toURI();
            URI tampered = URI.create(PresignedUrls.withBrokenSignature(valid.toString()));
            URI shortLived = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofSeconds(1))
                    .getObjectRequest(g -> g.bucket(bucket).key("k"))).url().toURI();

            // Then only the valid, unexpired one works
            assertThat(fetch(valid).body()).isEqualTo("hello");
            assertThat(fetch(tampered).statusCode()).isEqualTo(403);
            await().atMost(Duration.ofSeconds(60)).until(() -> fetch(shortLived).statusCode() == 403);
            assertThat(fetch(shortLived).body()).contains("expired");
        }
    }

    @Test
    void shouldRunARealSmtpServer() throws Exception {
        MailServer smtp = DevStack.smtp();
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("from@apexshare.local"));
        String to = UUID.randomUUID() + "@student.example";
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("devstack");
        message.setText("body", StandardCharsets.UTF_8.name());

        Transport.send(message);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> smtp.greenMail().getReceivedMessagesForDomain(to).length == 1);
        assertThat(GreenMailUtil.getBody(smtp.greenMail().getReceivedMessagesForDomain(to)[0])).isEqualTo("body");
    }

    @Test
    void shouldServeTheIdentityProvidersDiscoveryAndOnlyPublicKeys() throws Exception {
        // Given the identity provider devstack started
        IdentityProvider identity = DevStack.identity();

        // When a service reads its discovery document and keys
        String discovery = fetch(URI.create(identity.issuerUri() + "/.well-known/openid-configuration")).body();
        String keys = fetch(URI.create(identity.jwkSetUri())).body();

        // Then they name the issuer the tokens carry, and hold no private key
        assertThat(discovery).contains("\"issuer\":\"" + identity.issuerUri() + "\"",
                "\"jwks_uri\":\"" + identity.jwkSetUri() + "\"");
        assertThat(keys).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
    }

    @Test
    void shouldMintTokensThatVerifyAgainstTheProvidersJwks() throws Exception {
        // Given tokens minted by devstack: a trainer's, and one with exactly the given claims
        IdentityProvider identity = DevStack.identity();
        SignedJWT trainer = SignedJWT.parse(identity.trainerToken("t-1", "Tom", null));
        SignedJWT unusual = SignedJWT.parse(identity.mint(Map.of("sub", "c-1", "client_id", "x", "token_use", "access"),
                Duration.ofMinutes(5)));

        // When they are checked with the key the provider publishes under their kid
        JWKSet published = JWKSet.parse(fetch(URI.create(identity.jwkSetUri())).body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(trainer.getHeader().getKeyID());

        // Then both verify, RS256, with the provider's issuer and the claims asked for
        assertThat(key).isNotNull();
        assertThat(trainer.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(trainer.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(unusual.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(trainer.getJWTClaimsSet().getIssuer()).isEqualTo(identity.issuerUri());
        assertThat(trainer.getJWTClaimsSet().getAudience()).containsExactly(IdentityProvider.AUDIENCE);
        assertThat(trainer.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("trainer");
        assertThat(trainer.getJWTClaimsSet().getClaims()).doesNotContainKey("email");
        assertThat(unusual.getJWTClaimsSet().getClaims().keySet())
                .containsExactlyInAnyOrder("sub", "client_id", "token_use", "iss", "iat", "nbf", "exp", "jti");
    }

    @Test
    void shouldIssueTokensThroughARealSignInWithTheSameKeyAsTheMintedOnes() throws Exception {
        // Given the CLI's device sign-in started at the provider
        IdentityProvider identity = DevStack.identity();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String device = post(HTTP, identity.issuerUri() + "/oauth2/device_authorization",
                "client_id=" + IdentityProvider.CLI_CLIENT_ID + "&scope=profile").body();
        String deviceCode = jsonField(device, "device_code");
        String userCode = jsonField(device, "user_code");

        // When the demo trainer signs in, enters the code and allows the CLI
        HttpResponse<String> toLogin = send(browser, identity.issuerUri() + "/activate");
        assertThat(toLogin.headers().firstValue("Location")).hasValue(identity.issuerUri() + "/login");
        String login = get(browser, identity.issuerUri() + "/login");
        post(browser, identity.issuerUri() + "/login", "username=" + enc(identity.demoTrainer().name())
                + "&password=" + enc(identity.demoTrainer().secret()) + "&_csrf=" + enc(csrf(login)));
        String activate = get(browser, identity.issuerUri() + "/activate");
        HttpResponse<String> toConsent = post(browser, identity.issuerUri() + "/oauth2/device_verification",
                "user_code=" + enc(userCode) + "&_csrf=" + enc(csrf(activate)));
        String consentUri = toConsent.headers().firstValue("Location").orElseThrow();
        String consent = get(browser, URI.create(identity.issuerUri()).resolve(consentUri).toString());
        String state = consent.replaceFirst("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
        post(browser, identity.issuerUri() + "/oauth2/device_verification", "client_id="
                + IdentityProvider.CLI_CLIENT_ID + "&state=" + enc(state) + "&user_code=" + enc(userCode)
                + "&scope=profile&_csrf=" + enc(csrf(consent)));
        String tokens = post(HTTP, identity.issuerUri() + "/oauth2/token",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id="
                        + IdentityProvider.CLI_CLIENT_ID + "&device_code=" + enc(deviceCode)).body();

        // Then the provider's token is signed with the key devstack mints with: same kid, same issuer
        SignedJWT issued = SignedJWT.parse(jsonField(tokens, "access_token"));
        SignedJWT minted = SignedJWT.parse(identity.trainerToken("t", "T", null));
        assertThat(issued.getHeader().getKeyID()).isEqualTo(minted.getHeader().getKeyID());
        assertThat(issued.getJWTClaimsSet().getIssuer()).isEqualTo(minted.getJWTClaimsSet().getIssuer());
        assertThat(issued.getJWTClaimsSet().getSubject()).isEqualTo(IdentityProvider.DEMO_TRAINER);
        assertThat(issued.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("trainer");
    }

    private static String get(HttpClient client, String uri) throws Exception {
        return send(client, uri).body();
    }

    private static HttpResponse<String> send(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String uri, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        return html.replaceFirst("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    }

    private static String jsonField(String json, String field) {
        return json.replaceFirst("(?s).*\"" + field + "\":\"([^\"]+)\".*", "$1");
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> fetch(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
