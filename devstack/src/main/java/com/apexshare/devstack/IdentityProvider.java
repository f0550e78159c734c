package com.apexshare.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.apexshare.devstack.local.ServiceProcess;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * ApexShare's development identity provider ({@code identity/}, Spring Authorization Server) as a child JVM, the way
 * the local run starts the services: its own jar, configured by environment variables, on a loopback port. devstack
 * writes its signing key (a JWK file) before it starts, so tests can also mint tokens the provider would never issue
 * (expired, another audience, no trainer role, Cognito-style claims), signed with the same key: a minted token and
 * one the provider issued through a real sign-in are interchangeable at the services. Never for production.
 */
public final class IdentityProvider implements AutoCloseable {

    /** The {@code aud} of access tokens for the ApexShare API. */
    public static final String AUDIENCE = "apexshare-api";
    /** Claim and value of the trainer role, as the services require it by default. */
    public static final String ROLES_CLAIM = "roles";
    public static final String TRAINER_ROLE = "trainer";
    /** The registered clients (identity/README.md). */
    public static final String GATEWAY_CLIENT_ID = "apexshare-gateway";
    public static final String CLI_CLIENT_ID = "apexshare-cli";
    /** The demo trainer every provider started here knows. */
    public static final String DEMO_TRAINER = "trainer@apexshare.local";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /**
     * How to run it.
     *
     * @param repositoryRoot      where {@code identity/target/identity.jar} is
     * @param port                HTTP port, 0 for a free one
     * @param dataDir             where {@code identity-signing-key.json} and {@code logs/identity-provider.log} go
     * @param demoPassword        the demo trainer's password ({@code IDENTITY_DEMO_PASSWORD})
     * @param gatewayClientSecret the gateway client's secret ({@code IDENTITY_GATEWAY_CLIENT_SECRET})
     * @param environment         more of the provider's variables (identity/README.md), e.g. redirect URIs or
     *                            {@code IDENTITY_MFA}; they win over the ones above
     */
    public record Settings(Path repositoryRoot, int port, Path dataDir, String demoPassword,
            String gatewayClientSecret, Map<String, String> environment, List<String> jvmOptions) {

        public Settings {
            environment = Map.copyOf(environment);
            jvmOptions = List.copyOf(jvmOptions);
        }

        /**
         * A free port, fresh random credentials, the given data folder, no second factor (whatever the developer's
         * shell exports).
         */
        public static Settings forTests(Path dataDir) {
            return new Settings(Repository.root(), 0, dataDir, "demo-" + UUID.randomUUID(),
                    "gateway-" + UUID.randomUUID(), Map.of("IDENTITY_MFA", "false"), defaultJvmOptions());
        }

        public Settings withEnvironment(Map<String, String> more) {
            Map<String, String> merged = new LinkedHashMap<>(environment);
            merged.putAll(more);
            return new Settings(repositoryRoot, port, dataDir, demoPassword, gatewayClientSecret, merged, jvmOptions);
        }

        /** Small and quick to start: a handful of requests per test run. */
        public static List<String> defaultJvmOptions() {
            return List.of("-Xmx192m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=160m");
        }
    }

    private final Settings settings;
    private final ServiceProcess process;
    private final RSAKey key;
    private final String issuer;

    private IdentityProvider(Settings settings, ServiceProcess process, RSAKey key, String issuer) {
        this.settings = settings;
        this.process = process;
        this.key = key;
        this.issuer = issuer;
    }

    /** Starts the provider and returns once its discovery document answers. */
    public static IdentityProvider start(Settings settings) {
        IdentityProvider provider = launch(settings);
        try {
            provider.awaitReady(START_TIMEOUT);
            return provider;
        } catch (RuntimeException e) {
            provider.close();
            throw e;
        }
    }

    /** Starts the process without waiting (the local run waits for it with the services). */
    public static IdentityProvider launch(Settings settings) {
        Path jar = settings.repositoryRoot().resolve("identity").resolve("target").resolve("identity.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The identity provider " + jar + " is missing; build it first with "
                    + "`mvn -B -ntp -pl identity -am package -DskipTests` (or the whole `mvn -B -ntp -DskipTests package`)");
        }
        Path keyFile = settings.dataDir().resolve("identity-signing-key.json");
        RSAKey key = loadOrCreateKey(keyFile);
        int port = Ports.orFree(settings.port());
        String issuer = "http://127.0.0.1:" + port;
        Map<String, String> env = new LinkedHashMap<>();
        // Loopback only, like every server devstack starts (Spring Boot's server.address).
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("IDENTITY_ISSUER", issuer);
        env.put("IDENTITY_SIGNING_KEY_FILE", keyFile.toAbsolutePath().toString());
        env.put("IDENTITY_DEMO_PASSWORD", settings.demoPassword());
        env.put("IDENTITY_GATEWAY_CLIENT_SECRET", settings.gatewayClientSecret());
        env.put("IDENTITY_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        env.putAll(settings.environment());
        ServiceProcess process = new ServiceProcess("identity provider", jar, port, env,
                settings.dataDir().resolve("logs").resolve("identity-provider.log"), settings.jvmOptions());
        process.start();
        return new IdentityProvider(settings, process, key, issuer);
    }

    public void awaitReady(Duration timeout) {
        process.awaitAnswer("/.well-known/openid-configuration", timeout);
    }

    /** The {@code iss} claim and OIDC issuer URI. */
    public String issuerUri() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    public int port() {
        return process.port();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** The demo trainer's sign-in ({@link #DEMO_TRAINER} and the settings' password), for tests that sign in. */
    public Credentials demoTrainer() {
        return new Credentials(DEMO_TRAINER, settings.demoPassword());
    }

    /** The gateway client's id and secret, for a gateway under test. */
    public Credentials gatewayClient() {
        return new Credentials(GATEWAY_CLIENT_ID, settings.gatewayClientSecret());
    }

    /** A name and its secret. {@code toString} never shows the secret. */
    public record Credentials(String name, String secret) {
        @Override
        public String toString() {
            return "Credentials[" + name + ", secret hidden]";
        }
    }

    /** A valid trainer token for one hour. */
    public String trainerToken(String subject, String name, String email) {
        return mint(subject, name, email, AUDIENCE, Duration.ofHours(1));
    }

    /** A trainer's token with the given audience and lifetime (negative for an already expired one). */
    public String mint(String subject, String name, String email, String audience, Duration lifetime) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("name", name);
        claims.put("email", email);
        claims.put(ROLES_CLAIM, List.of(TRAINER_ROLE));
        return mint(claims, lifetime);
    }

    /**
     * A token with exactly these claims besides the issuer's own ({@code iss}, {@code iat}, {@code nbf}, {@code exp},
     * {@code jti}), for tests that need an unusual one (no trainer role, a Cognito-style {@code client_id} instead of
     * {@code aud}, nested roles). A null value leaves the claim out.
     */
    public String mint(Map<String, Object> claims, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .issueTime(Date.from(now.minusSeconds(5)))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach((name, value) -> {
            if (value != null) {
                builder.claim(name, value);
            }
        });
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
        return jwt.serialize();
    }

    /** The provider's key format (identity/README.md): one RSA JWK with its private part, owner-only. */
    private static RSAKey loadOrCreateKey(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID("devstack-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .generate();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            byte[] json = key.toJSONString().getBytes(StandardCharsets.UTF_8);
            if (Files.getFileAttributeView(keyFile.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null) {
                Files.write(Files.createFile(keyFile,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), json);
            } else {
                Files.write(keyFile, json);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key " + keyFile, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot read or generate the signing key " + keyFile, e);
        }
    }

    @Override
    public void close() {
        process.stop();
    }
}
