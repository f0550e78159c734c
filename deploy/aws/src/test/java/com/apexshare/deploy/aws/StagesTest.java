package com.apexshare.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.apexshare.deploy.aws.config.StageConfig;
import com.apexshare.deploy.aws.config.StageConfigs;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * dev, staging and prod come from the same code: their templates differ only where their configurations differ.
 * Each template is normalized (the stage's names replaced by placeholders), flattened to path = value, and every path
 * where two stages differ must be explained by a configuration field whose values differ between them.
 */
class StagesTest {

    /** A template path pattern and the configuration field that may make it differ. */
    private record Reason(Pattern path, String field, Function<StageConfig, Object> value) {
    }

    private static final List<Reason> REASONS = List.of(
            reason("VideoBucket[0-9A-F]{8}\\.Properties\\.LifecycleConfiguration\\.Rules\\[1\\]\\.ExpirationInDays",
                    "retentionDays + storage.expiryMarginDays", c -> c.storage().expiryDays(c.retentionDays())),
            reason("VideoBucket[0-9A-F]{8}\\.Properties\\.LifecycleConfiguration\\.Rules\\[1\\]\\.Transitions.*",
                    "storage.infrequentAccessAfterDays", c -> c.storage().infrequentAccessAfterDays()),
            reason("VideoBucket[0-9A-F]{8}\\.Properties\\.CorsConfiguration\\.CorsRules\\[0\\]\\.AllowedOrigins.*",
                    "storage.corsAllowedOrigins", c -> c.storage().corsAllowedOrigins()),
            reason("(VideoBucket|VideoKey)[0-9A-F]{8}\\.(DeletionPolicy|UpdateReplacePolicy)",
                    "storage.removeWithStack", c -> c.storage().removeWithStack()),
            reason(".*\\[Sid=CloudFront[A-Za-z]*\\].*", "cdn.enabled", c -> c.cdn().enabled()),
            // A subscription's logical id is made of the topic's and the address.
            reason("EmailEvents[a-z][a-z0-9]*[0-9A-F]{8}\\..*", "email.eventEmailSubscribers",
                    c -> c.email().eventEmailSubscribers()),
            reason("SigningPublicKey[0-9A-F]{8}\\.Properties\\.PublicKeyConfig\\.EncodedKey", "cdn.publicKeyFile",
                    c -> c.cdn().publicKeyFile()),
            // CDK derives it from the construct path, which starts with the stack name.
            reason("SigningPublicKey[0-9A-F]{8}\\.Properties\\.PublicKeyConfig\\.CallerReference", "namePrefix",
                    StageConfig::namePrefix),
            reason("(WebAcl\\..*|Distribution[0-9A-F]{8}\\.Properties\\.DistributionConfig\\.WebACLId\\..*)",
                    "cdn.waf.enabled", c -> c.cdn().waf().enabled()),
            reason("Distribution[0-9A-F]{8}\\.Properties\\.DistributionConfig\\.(Origins\\[0\\]\\.Id"
                    + "|DefaultCacheBehavior\\.TargetOriginId)", "namePrefix", StageConfig::namePrefix),
            reason("(ConfigurationSet[0-9A-F]{8}\\.Properties\\.Name|ConfigurationSetName\\.Value)",
                    "email.configurationSetName", c -> c.email().configurationSetName()),
            reason("(AuditLogBucket[0-9A-F]{8}\\.Properties\\.LifecycleConfiguration\\.Rules\\[0\\]\\.ExpirationInDays"
                    + "|AuditLogBucketName\\.Description)", "audit.logRetentionDays", c -> c.audit().logRetentionDays()),
            reason(".*\\.Properties\\.Tags\\[Key=[a-z]+\\].*", "tags", StageConfig::tags));

    private static Reason reason(String path, String field, Function<StageConfig, Object> value) {
        return new Reason(Pattern.compile("(Resources|Outputs)\\." + path), field, value);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource({
            "dev, staging, identity", "dev, staging, storage", "dev, staging, email",
            "staging, prod, identity", "staging, prod, storage", "staging, prod, email",
            "dev, prod, identity", "dev, prod, storage", "dev, prod, email",
            "staging, prod, cdn", "staging, prod, audit"})
    void shouldDifferOnlyWhereTheConfigurationsDiffer(String a, String b, String concern) {
        // Given the same stack of two stages
        Synth left = Synth.stage(a);
        Synth right = Synth.stage(b);

        // When comparing their normalized templates path by path
        Map<String, Object> l = withoutConfigurationSetName(
                flatten(normalized(template(left, concern), left.config())), left.config());
        Map<String, Object> r = withoutConfigurationSetName(
                flatten(normalized(template(right, concern), right.config())), right.config());
        Set<String> differing = new TreeSet<>();
        for (String path : union(l.keySet(), r.keySet())) {
            if (!Objects.equals(l.get(path), r.get(path))) {
                differing.add(path);
            }
        }

        // Then each difference is one a differing configuration field explains
        List<String> unexplained = new ArrayList<>();
        for (String path : differing) {
            boolean explained = REASONS.stream().anyMatch(reason -> reason.path().matcher(path).matches()
                    && !Objects.equals(reason.value().apply(left.config()), reason.value().apply(right.config())));
            if (!explained) {
                unexplained.add(path + ": " + l.get(path) + " <> " + r.get(path));
            }
        }
        assertThat(unexplained).as("differences between %s and %s no configuration field explains", a, b).isEmpty();
    }

    @Test
    void shouldHaveTheOptionalStacksExactlyWhereConfigured() {
        // Given the three stages' configurations
        for (String stage : StageConfigs.STAGES) {
            StageConfig config = Synth.config(stage);
            ApexShare.Stacks stacks = Synth.stage(stage).stacks();

            // Then identity, storage and email always exist, CDN and audit where enabled
            assertThat(stacks.all()).extracting(Stack::getStackName).startsWith(config.stackName("identity"),
                    config.stackName("storage"), config.stackName("email"));
            assertThat(stacks.cdn().isPresent()).isEqualTo(config.cdn().enabled());
            assertThat(stacks.audit().isPresent()).isEqualTo(config.audit().enabled());
        }
        // And the committed stages differ in these switches as documented
        assertThat(Synth.config("dev").cdn().enabled()).isFalse();
        assertThat(Synth.config("staging").cdn().waf().enabled()).isFalse();
        assertThat(Synth.config("prod").cdn().waf().enabled()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldSynthesizeWithoutWarningsOrErrors(String stage) {
        // Given every stack of the stage
        for (Stack stack : Synth.stage(stage).stacks().all()) {
            // Then CDK reported nothing about it
            Annotations annotations = Annotations.fromStack(stack);
            annotations.hasNoWarning("*", Match.anyValue());
            annotations.hasNoError("*", Match.anyValue());
        }
    }

    @Test
    void shouldSynthesizeWithoutAnAccountLikeCdkSynthWithoutCredentials() {
        // Given prod's configuration as committed (no account) and no CDK_DEFAULT_ACCOUNT
        StageConfig config = StageConfigs.load(Synth.BASE_DIR, "prod");
        assertThat(config.account()).isNull();

        // When synthesizing it
        ApexShare.Stacks stacks = ApexShare.define(new App(), config, Synth.BASE_DIR);

        // Then account-bound ARNs use the deploying account, resolved by CloudFormation
        Template identity = Template.fromStack(stacks.identity());
        String trust = Cfn.text(Cfn.at(Cfn.properties(Cfn.resources(identity, "AWS::IAM::Role").values().iterator()
                .next()), "AssumeRolePolicyDocument.Statement.0.Principal.Federated"));
        assertThat(trust).isEqualTo("arn:aws:iam::${AWS::AccountId}:oidc-provider/" + config.cluster().oidcIssuer());
        assertThat(stacks.all()).hasSize(5);
    }

    private static Template template(Synth synth, String concern) {
        return switch (concern) {
            case "identity" -> synth.identity();
            case "storage" -> synth.storage();
            case "email" -> synth.email();
            case "cdn" -> synth.cdn();
            case "audit" -> synth.audit();
            default -> throw new IllegalArgumentException(concern);
        };
    }

    /** The template with the stage's own names replaced by placeholders, longest first. */
    private static Object normalized(Template template, StageConfig c) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(c.storage().bucketName(), "<bucket>");
        names.put(c.cluster().oidcIssuer(), "<issuer>");
        names.put(c.email().fromAddress(), "<from>");
        names.put("configuration-set/" + c.email().configurationSetName(), "configuration-set/<configuration-set>");
        names.put(c.namePrefix(), "<prefix>");
        names.put(c.email().domain(), "<domain>");
        Pattern stageWord = Pattern.compile("\\b" + Pattern.quote(c.stage()) + "\\b");
        // CDK's generated ids (e.g. an origin id) contain the stack name without its dashes.
        names.put(c.namePrefix().replace("-", ""), "<prefix>");
        return replaceStrings(template.toJSON(), s -> {
            String out = s;
            for (Map.Entry<String, String> name : names.entrySet()) {
                out = out.replace(name.getKey(), name.getValue());
            }
            return stageWord.matcher(out).replaceAll(Matcher.quoteReplacement("<stage>"));
        });
    }

    /** The configuration set's name where it is one (prod's is a plain word that other values contain too). */
    private static Map<String, Object> withoutConfigurationSetName(Map<String, Object> flat, StageConfig c) {
        Map<String, Object> out = new TreeMap<>();
        flat.forEach((path, value) -> out.put(path, path.contains("ConfigurationSet")
                && c.email().configurationSetName().equals(value) ? "<configuration-set>" : value));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object replaceStrings(Object value, Function<String, String> replace) {
        if (value instanceof String s) {
            return replace.apply(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(replace.apply(k), replaceStrings(v, replace)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> replaceStrings(v, replace)).toList();
        }
        return value;
    }

    /**
     * Path = leaf value. List elements that are policy statements are keyed by their Sid, tags by their Key, so that
     * an extra statement or tag shows as itself instead of shifting every index after it.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(Object root) {
        Map<String, Object> flat = new TreeMap<>();
        flatten("", root, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String path, Object value, Map<String, Object> flat) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            ((Map<String, Object>) map).forEach((k, v) -> flatten(path.isEmpty() ? k : path + "." + k, v, flat));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                Object element = list.get(i);
                String key = String.valueOf(i);
                if (element instanceof Map<?, ?> m && m.get("Sid") instanceof String sid) {
                    key = "Sid=" + sid;
                } else if (element instanceof Map<?, ?> m && m.get("Key") instanceof String tag && m.size() == 2) {
                    key = "Key=" + tag;
                }
                flatten(path + "[" + key + "]", element, flat);
            }
        } else {
            flat.put(path, value);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
