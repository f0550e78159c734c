package com.apexshare.deploy.aws.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads {@code config/<stage>.json} below the deploy/aws directory and refuses a configuration AWS would refuse later
 * (or that would deploy something unsafe), before anything is synthesized. Unknown keys are errors, so a typo never
 * silently falls back to a default.
 */
public final class StageConfigs {

    public static final List<String> STAGES = List.of("dev", "staging", "prod");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,40}[a-z0-9]");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern CONFIGURATION_SET = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern KUBERNETES_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Set<String> PRICE_CLASSES = Set.of("PriceClass_100", "PriceClass_200", "PriceClass_All");
    /** S3 refuses a STANDARD_IA transition earlier than 30 days after creation. */
    private static final int MIN_INFREQUENT_ACCESS_DAYS = 30;

    private StageConfigs() {
    }

    /** The stage's configuration from {@code <baseDir>/config/<stage>.json}, validated. */
    public static StageConfig load(Path baseDir, String stage) {
        if (stage == null || stage.isBlank()) {
            throw new IllegalArgumentException("No stage given: pass -c stage=<" + String.join("|", STAGES) + ">");
        }
        Path file = baseDir.resolve("config").resolve(stage + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No configuration for stage '" + stage + "': " + file
                    + " does not exist (stages: " + String.join(", ", STAGES) + ")");
        }
        StageConfig config;
        try {
            config = JSON.readValue(Files.readString(file), StageConfig.class);
        } catch (JsonProcessingException e) {
            throw new InvalidStageConfig(file.toString(), List.of(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        validate(file.toString(), stage, config, baseDir);
        return config;
    }

    static void validate(String source, String expectedStage, StageConfig c, Path baseDir) {
        List<String> problems = new ArrayList<>();
        check(problems, expectedStage.equals(c.stage()), "stage is '" + c.stage() + "', the file is for '"
                + expectedStage + "'");
        check(problems, c.account() == null || ACCOUNT.matcher(c.account()).matches(),
                "account must be 12 digits or null (null: the CLI credentials' account)");
        check(problems, notBlank(c.region()), "region is required");
        check(problems, c.namePrefix() != null && NAME.matcher(c.namePrefix()).matches(),
                "namePrefix must be lower-case letters, digits and '-'");
        check(problems, c.retentionDays() >= 1, "retentionDays must be at least 1");
        storage(problems, c);
        email(problems, c.email());
        cluster(problems, c.cluster());
        cdn(problems, c.cdn(), baseDir);
        check(problems, c.audit() != null, "audit is required (enabled: false to leave it out)");
        if (c.audit() != null && c.audit().enabled()) {
            check(problems, c.audit().logRetentionDays() >= 1, "audit.logRetentionDays must be at least 1");
        }
        if (!problems.isEmpty()) {
            throw new InvalidStageConfig(source, problems);
        }
    }

    private static void storage(List<String> problems, StageConfig c) {
        StageConfig.Storage s = c.storage();
        if (s == null) {
            problems.add("storage is required");
            return;
        }
        check(problems, s.bucketName() != null && BUCKET.matcher(s.bucketName()).matches(),
                "storage.bucketName is not a valid S3 bucket name");
        check(problems, s.expiryMarginDays() >= 1, "storage.expiryMarginDays must be at least 1: the lifecycle rule "
                + "must not race catalog-service, which deletes at retention end and records the deletion");
        Integer ia = s.infrequentAccessAfterDays();
        if (ia != null) {
            check(problems, ia >= MIN_INFREQUENT_ACCESS_DAYS, "storage.infrequentAccessAfterDays must be at least "
                    + MIN_INFREQUENT_ACCESS_DAYS + " (S3's minimum for STANDARD_IA) or null");
            check(problems, ia < s.expiryDays(c.retentionDays()), "storage.infrequentAccessAfterDays must be before "
                    + "the expiry (retentionDays + expiryMarginDays = " + s.expiryDays(c.retentionDays()) + ")");
        }
        check(problems, !s.corsAllowedOrigins().isEmpty(), "storage.corsAllowedOrigins needs the web app's origin");
        for (String origin : s.corsAllowedOrigins()) {
            boolean local = origin.startsWith("http://localhost:") || origin.startsWith("http://127.0.0.1:");
            check(problems, (origin.startsWith("https://") || local) && !origin.contains("*")
                    && !origin.endsWith("/"), "CORS origin '" + origin + "' must be https://host[:port] without "
                    + "a path or wildcard (http only for localhost)");
        }
        StageConfig.Queue q = s.notificationQueue();
        if (q == null) {
            problems.add("storage.notificationQueue is required");
            return;
        }
        check(problems, q.visibilityTimeoutSeconds() >= 1 && q.visibilityTimeoutSeconds() <= 43_200,
                "storage.notificationQueue.visibilityTimeoutSeconds must be 1..43200");
        check(problems, q.retentionDays() >= 1 && q.retentionDays() <= 14,
                "storage.notificationQueue.retentionDays must be 1..14");
        check(problems, q.deadLetterRetentionDays() >= 1 && q.deadLetterRetentionDays() <= 14,
                "storage.notificationQueue.deadLetterRetentionDays must be 1..14");
        check(problems, q.maxReceiveCount() >= 1 && q.maxReceiveCount() <= 1000,
                "storage.notificationQueue.maxReceiveCount must be 1..1000");
    }

    private static void email(List<String> problems, StageConfig.Email e) {
        if (e == null) {
            problems.add("email is required");
            return;
        }
        check(problems, notBlank(e.domain()) && !e.domain().contains("@"), "email.domain must be a domain name");
        check(problems, e.fromAddress() != null && e.domain() != null
                && e.fromAddress().toLowerCase().endsWith("@" + e.domain().toLowerCase()),
                "email.fromAddress must be an address of email.domain (the verified identity)");
        check(problems, e.configurationSetName() != null && CONFIGURATION_SET.matcher(e.configurationSetName()).matches(),
                "email.configurationSetName must be letters, digits, '_' and '-'");
        if (e.hostedZone() != null) {
            check(problems, notBlank(e.hostedZone().id()) && notBlank(e.hostedZone().name()),
                    "email.hostedZone needs id and name (or null)");
        }
        for (String subscriber : e.eventEmailSubscribers()) {
            check(problems, subscriber.contains("@"), "email.eventEmailSubscribers: '" + subscriber
                    + "' is not an address");
        }
    }

    private static void cluster(List<String> problems, StageConfig.Cluster k) {
        if (k == null) {
            problems.add("cluster is required");
            return;
        }
        check(problems, notBlank(k.oidcIssuer()) && !k.oidcIssuer().contains("://") && !k.oidcIssuer().endsWith("/"),
                "cluster.oidcIssuer must be the issuer without https:// and without a trailing '/'");
        check(problems, k.namespace() != null && KUBERNETES_NAME.matcher(k.namespace()).matches(),
                "cluster.namespace must be a Kubernetes namespace name");
        for (Service service : Service.values()) {
            String account = k.serviceAccount(service);
            check(problems, account != null && KUBERNETES_NAME.matcher(account).matches(),
                    "cluster.serviceAccounts." + service.chartKey() + " must be a Kubernetes name");
        }
        for (String key : k.serviceAccounts().keySet()) {
            check(problems, Arrays.stream(Service.values()).anyMatch(s -> s.chartKey().equals(key)),
                    "cluster.serviceAccounts." + key + " is not a service");
        }
    }

    private static void cdn(List<String> problems, StageConfig.Cdn cdn, Path baseDir) {
        if (cdn == null) {
            problems.add("cdn is required (enabled: false to leave it out)");
            return;
        }
        if (!cdn.enabled()) {
            return;
        }
        check(problems, PRICE_CLASSES.contains(cdn.priceClass()), "cdn.priceClass must be one of " + PRICE_CLASSES);
        if (notBlank(cdn.publicKeyFile())) {
            Path key = baseDir.resolve(cdn.publicKeyFile());
            try {
                check(problems, Files.readString(key).contains("-----BEGIN PUBLIC KEY-----"),
                        "cdn.publicKeyFile " + key + " is not a PEM public key (openssl rsa -pubout)");
            } catch (IOException e) {
                problems.add("cdn.publicKeyFile " + key + " cannot be read: " + e.getMessage());
            }
        } else {
            problems.add("cdn.publicKeyFile is required with cdn.enabled (the key group for signed URLs)");
        }
        check(problems, cdn.distributionId() == null || cdn.distributionId().matches("E[A-Z0-9]{5,20}"),
                "cdn.distributionId must be a CloudFront distribution id (E...) or null");
        check(problems, cdn.waf() != null, "cdn.waf is required (enabled: false to leave it out)");
        if (cdn.waf() != null && cdn.waf().enabled()) {
            check(problems, cdn.waf().requestsPer5MinutesPerIp() >= 10,
                    "cdn.waf.requestsPer5MinutesPerIp must be at least 10 (AWS's minimum)");
        }
    }

    /** The public key's PEM text (validated by {@link #load}). */
    public static String publicKeyPem(Path baseDir, StageConfig.Cdn cdn) {
        try {
            return Files.readString(baseDir.resolve(cdn.publicKeyFile())).strip() + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + cdn.publicKeyFile(), e);
        }
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
