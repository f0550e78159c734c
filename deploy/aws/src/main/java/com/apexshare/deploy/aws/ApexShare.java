package com.apexshare.deploy.aws;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.apexshare.deploy.aws.audit.AuditStack;
import com.apexshare.deploy.aws.cdn.CdnStack;
import com.apexshare.deploy.aws.config.StageConfig;
import com.apexshare.deploy.aws.config.StageConfigs;
import com.apexshare.deploy.aws.email.EmailStack;
import com.apexshare.deploy.aws.identity.IdentityStack;
import com.apexshare.deploy.aws.storage.StorageStack;

import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * The stacks of one stage, one per concern: identity (IRSA roles) first, then storage (its key policy names the
 * roles), email, and the optional CDN (us-east-1) and audit stacks after storage. Names tie them together, not
 * references: see {@link Names}.
 */
public final class ApexShare {

    /** CloudFront's key groups and a CLOUDFRONT-scoped WAF web ACL can only be created in us-east-1. */
    public static final String CLOUDFRONT_REGION = "us-east-1";

    /** The stacks of one stage. */
    public record Stacks(IdentityStack identity, StorageStack storage, EmailStack email, Optional<CdnStack> cdn,
            Optional<AuditStack> audit) {

        public List<Stack> all() {
            List<Stack> all = new ArrayList<>(List.of(identity, storage, email));
            cdn.ifPresent(all::add);
            audit.ifPresent(all::add);
            return all;
        }
    }

    private ApexShare() {
    }

    /**
     * Defines the stage's stacks in {@code scope} (an App).
     *
     * @param baseDir the deploy/aws directory (the CDN's public key file is relative to it)
     */
    public static Stacks define(Construct scope, StageConfig config, Path baseDir) {
        Environment home = Environment.builder().account(config.account()).region(config.region()).build();
        boolean protect = !config.storage().removeWithStack();

        IdentityStack identity = new IdentityStack(scope, config.stackName("identity"),
                props(config, home, "IRSA roles of the four services", false), config);
        StorageStack storage = new StorageStack(scope, config.stackName("storage"),
                props(config, home, "Video bucket, its KMS key and the ObjectCreated notification queue", protect),
                config);
        // KMS refuses a key policy that names a role that does not exist yet.
        storage.addDependency(identity);
        EmailStack email = new EmailStack(scope, config.stackName("email"),
                props(config, home, "SES identity with DKIM and the configuration set's event topic", false), config);

        Optional<CdnStack> cdn = Optional.empty();
        if (config.cdn().enabled()) {
            Environment global = Environment.builder().account(config.account()).region(CLOUDFRONT_REGION).build();
            CdnStack stack = new CdnStack(scope, config.stackName("cdn"),
                    props(config, global, "CloudFront for video downloads: OAC, signed-URL key group, WAF", false),
                    config, StageConfigs.publicKeyPem(baseDir, config.cdn()));
            stack.addDependency(storage);
            cdn = Optional.of(stack);
        }
        Optional<AuditStack> audit = Optional.empty();
        if (config.audit().enabled()) {
            AuditStack stack = new AuditStack(scope, config.stackName("audit"),
                    props(config, home, "CloudTrail data events of the video bucket", protect), config);
            stack.addDependency(storage);
            audit = Optional.of(stack);
        }

        Stacks stacks = new Stacks(identity, storage, email, cdn, audit);
        for (Stack stack : stacks.all()) {
            Tags.of(stack).add("project", "apexshare");
            Tags.of(stack).add("stage", config.stage());
            for (Map.Entry<String, String> tag : config.tags().entrySet()) {
                Tags.of(stack).add(tag.getKey(), tag.getValue());
            }
        }
        return stacks;
    }

    private static StackProps props(StageConfig config, Environment env, String what, boolean protect) {
        return StackProps.builder()
                .env(env)
                .description("ApexShare " + config.stage() + ": " + what + " (deploy/aws)")
                .terminationProtection(protect)
                .build();
    }
}
