package com.apexshare.notification.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Plays Amazon SNS for the tests: its own RSA key and self-signed X.509 certificate (made by the JDK's keytool),
 * served over HTTP on loopback as SNS serves its signing certificate, a SubscribeURL that records its visits, and
 * messages signed exactly as SNS signs them (the canonical string, SignatureVersion 1 SHA1withRSA or 2
 * SHA256withRSA). A second key ({@link #signedWithAnotherKey}) signs messages the served certificate does not vouch
 * for.
 */
public final class FakeSns implements AutoCloseable {

    public static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:apexshare-ses-events";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final PrivateKey key;
    private final PrivateKey otherKey;
    private final List<String> confirmations = new CopyOnWriteArrayList<>();
    private final List<String> certificateFetches = new CopyOnWriteArrayList<>();

    public FakeSns() {
        try {
            Path dir = Files.createTempDirectory("fake-sns");
            KeyStore.PrivateKeyEntry entry = keyPair(dir, "sns");
            this.key = entry.getPrivateKey();
            this.otherKey = keyPair(dir, "other").getPrivateKey();
            byte[] pem = pem((X509Certificate) entry.getCertificate());
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/SimpleNotificationService.pem", exchange -> {
                certificateFetches.add(exchange.getRequestURI().toString());
                exchange.getResponseHeaders().add("Content-Type", "application/x-x509-ca-cert");
                exchange.sendResponseHeaders(200, pem.length);
                exchange.getResponseBody().write(pem);
                exchange.close();
            });
            server.createContext("/confirm", exchange -> {
                confirmations.add(exchange.getRequestURI().getRawQuery());
                byte[] body = "<ConfirmSubscriptionResponse/>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the fake SNS", e);
        }
    }

    /** The host pattern the service must be configured with to trust this fake. */
    public static String hostPattern() {
        return "127[.]0[.]0[.]1";
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String certificateUrl() {
        return base() + "/SimpleNotificationService.pem";
    }

    /** The query strings the SubscribeURL was visited with. */
    public List<String> confirmations() {
        return List.copyOf(confirmations);
    }

    public int certificateFetches() {
        return certificateFetches.size();
    }

    /** An SNS Notification carrying this message, signed with SignatureVersion {@code version}. */
    public Map<String, String> notification(String message, String version) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Type", "Notification");
        fields.put("MessageId", UUID.randomUUID().toString());
        fields.put("TopicArn", TOPIC_ARN);
        fields.put("Subject", "Amazon SES Email Event Notification");
        fields.put("Message", message);
        fields.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        fields.put("SignatureVersion", version);
        fields.put("SigningCertURL", certificateUrl());
        fields.put("UnsubscribeURL", base() + "/unsubscribe");
        return sign(fields, key);
    }

    /** A SubscriptionConfirmation for our topic, signed with SignatureVersion 1. */
    public Map<String, String> subscriptionConfirmation(String token) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Type", "SubscriptionConfirmation");
        fields.put("MessageId", UUID.randomUUID().toString());
        fields.put("Token", token);
        fields.put("TopicArn", TOPIC_ARN);
        fields.put("Message", "You have chosen to subscribe to the topic " + TOPIC_ARN + ".");
        fields.put("SubscribeURL", base() + "/confirm?Action=ConfirmSubscription&TopicArn=" + TOPIC_ARN
                + "&Token=" + token);
        fields.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        fields.put("SignatureVersion", "1");
        fields.put("SigningCertURL", certificateUrl());
        return sign(fields, key);
    }

    /** The same fields signed with a key the served certificate does not belong to. */
    public Map<String, String> signedWithAnotherKey(Map<String, String> fields) {
        return sign(new LinkedHashMap<>(fields), otherKey);
    }

    /** Signs the fields again as they are now (after a test changed one), with the served certificate's key. */
    public Map<String, String> resigned(Map<String, String> fields) {
        return sign(new LinkedHashMap<>(fields), key);
    }

    public static String json(Map<String, String> fields) {
        return JSON.writeValueAsString(fields);
    }

    /** An SES configuration-set event as SES publishes it, for one message id. */
    public static String sesEvent(String eventType, String messageId, String body) {
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        return "{\"eventType\":\"" + eventType + "\",\"mail\":{\"timestamp\":\"" + now + "\",\"source\":"
                + "\"videos@apexshare.test\",\"messageId\":\"" + messageId + "\",\"destination\":"
                + "[\"student@riders.test\"],\"tags\":{\"kind\":[\"STUDENT_LINK\"]}}" + (body == null ? "" : "," + body)
                + "}";
    }

    private static Map<String, String> sign(Map<String, String> fields, PrivateKey with) {
        fields.remove("Signature");
        String algorithm = "2".equals(fields.get("SignatureVersion")) ? "SHA256withRSA" : "SHA1withRSA";
        List<String> order = "Notification".equals(fields.get("Type"))
                ? List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")
                : List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
        StringBuilder canonical = new StringBuilder();
        for (String name : order) {
            if (fields.containsKey(name)) {
                canonical.append(name).append('\n').append(fields.get(name)).append('\n');
            }
        }
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(with);
            signature.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            fields.put("Signature", Base64.getEncoder().encodeToString(signature.sign()));
            return fields;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore.PrivateKeyEntry keyPair(Path dir, String alias) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-sigalg",
                "SHA256withRSA", "-dname", "CN=sns.fake.test", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(120, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        return (KeyStore.PrivateKeyEntry) keys.getEntry(alias,
                new KeyStore.PasswordProtection("changeit".toCharArray()));
    }

    private static byte[] pem(X509Certificate certificate) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return ("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
