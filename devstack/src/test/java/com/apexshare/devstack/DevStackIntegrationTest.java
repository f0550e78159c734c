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
        TokenIssuer issuer = DevStack.issuer();
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
    void shouldServeTheIssuerDiscoveryAndKeys() throws Exception {
        TokenIssuer issuer = DevStack.issuer();
        String discovery = fetch(URI.create(issuer.issuerUri() + "/.well-known/openid-configuration")).body();
        assertThat(discovery).contains("\"issuer\":\"" + issuer.issuerUri() + "\"");
        assertThat(fetch(URI.create(issuer.jwkSetUri())).body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
        assertThat(issuer.trainerToken("t", "T", null).split("\\.")).hasSize(3);
    }

    private static HttpResponse<String> fetch(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
