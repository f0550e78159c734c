package com.apexshare.deploy.aws.cdn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.apexshare.deploy.aws.Outputs;
import com.apexshare.deploy.aws.config.StageConfig;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudfront.AccessLevel;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.KeyGroup;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.PublicKey;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.S3OriginAccessControl;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.Signing;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOriginWithOACProps;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.constructs.Construct;

/**
 * CloudFront in front of the video bucket, for downloads: Origin Access Control (CloudFront signs its requests to S3;
 * the bucket stays private), and a key group so that only URLs signed with the configured key pair are served.
 * Optionally a WAF web ACL. This stack lives in us-east-1, where CloudFront's key groups and WAF scope live; it names
 * the bucket by its configured name and region, so it needs no cross-region reference. The grants for CloudFront
 * (bucket policy and key policy) are in the storage stack, which owns those policies.
 */
public class CdnStack extends Stack {

    /** The query parameters S3 turns into response headers (download-service asks for an attachment name). */
    static final List<String> FORWARDED_QUERY_STRINGS = List.of("response-content-disposition", "response-content-type");

    private final Distribution distribution;
    private final KeyGroup keyGroup;

    public CdnStack(Construct scope, String id, StackProps props, StageConfig config, String publicKeyPem) {
        super(scope, id, props);
        StageConfig.Cdn cdn = config.cdn();
        IBucket bucket = Bucket.fromBucketAttributes(this, "VideoBucket", BucketAttributes.builder()
                .bucketName(config.storage().bucketName())
                .region(config.region())
                .build());

        PublicKey publicKey = PublicKey.Builder.create(this, "SigningPublicKey")
                .publicKeyName(config.namePrefix() + "-downloads")
                .comment("download-service signs CloudFront URLs with the private half (" + config.stage() + ")")
                .encodedKey(publicKeyPem)
                .build();
        keyGroup = KeyGroup.Builder.create(this, "SigningKeyGroup")
                .keyGroupName(config.namePrefix() + "-downloads")
                .items(List.of(publicKey))
                .build();

        S3OriginAccessControl accessControl = S3OriginAccessControl.Builder.create(this, "OriginAccessControl")
                .originAccessControlName(config.namePrefix() + "-videos")
                .description("CloudFront signs every request to the video bucket")
                .signing(Signing.SIGV4_ALWAYS)
                .build();

        // Video keys embed the fileId and never change: cache long enough to absorb a class watching at once,
        // short enough that a deleted video leaves the edges within a day.
        CachePolicy cachePolicy = CachePolicy.Builder.create(this, "VideoCachePolicy")
                .cachePolicyName(config.namePrefix() + "-videos")
                .defaultTtl(Duration.hours(1))
                .maxTtl(Duration.days(1))
                .minTtl(Duration.seconds(0))
                .queryStringBehavior(CacheQueryStringBehavior.allowList(FORWARDED_QUERY_STRINGS.toArray(String[]::new)))
                .enableAcceptEncodingGzip(false)
                .enableAcceptEncodingBrotli(false)
                .build();

        Distribution.Builder builder = Distribution.Builder.create(this, "Distribution")
                .comment("ApexShare " + config.stage() + " video downloads")
                .priceClass(PriceClass.valueOf(priceClassConstant(cdn.priceClass())))
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021)
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket, S3BucketOriginWithOACProps.builder()
                                .originAccessControl(accessControl)
                                .originAccessLevels(List.of(AccessLevel.READ))
                                .build()))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                        .cachePolicy(cachePolicy)
                        .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS)
                        .trustedKeyGroups(List.of(keyGroup))
                        .compress(false)
                        .build());
        if (cdn.waf().enabled()) {
            builder.webAclId(webAcl(config).getAttrArn());
        }
        distribution = builder.build();
        // The bucket is imported, so CDK cannot add CloudFront's grant to its policy: the storage stack, which owns
        // the bucket policy and the key policy, grants it.
        Annotations.of(this).acknowledgeWarning("@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac",
                "The storage stack grants CloudFront s3:GetObject on videos/* and kms:Decrypt");

        output(Outputs.DISTRIBUTION_DOMAIN_NAME, distribution.getDistributionDomainName(),
                "Host of the signed download URLs");
        output(Outputs.DISTRIBUTION_ID, distribution.getDistributionId(),
                "Set cdn.distributionId to this to pin the bucket's and key's CloudFront grants to it");
        output(Outputs.KEY_GROUP_ID, keyGroup.getKeyGroupId(), "The key group trusted for signed URLs");
        output(Outputs.PUBLIC_KEY_ID, publicKey.getPublicKeyId(), "The Key-Pair-Id of signed URLs");
    }

    private CfnWebACL webAcl(StageConfig config) {
        List<Object> rules = new ArrayList<>();
        rules.add(managedRule("AWSManagedRulesAmazonIpReputationList", 0));
        rules.add(managedRule("AWSManagedRulesCommonRuleSet", 1));
        rules.add(managedRule("AWSManagedRulesKnownBadInputsRuleSet", 2));
        rules.add(CfnWebACL.RuleProperty.builder()
                .name("rate-limit-per-ip")
                .priority(3)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .aggregateKeyType("IP")
                                .limit(config.cdn().waf().requestsPer5MinutesPerIp())
                                .build())
                        .build())
                .visibilityConfig(visibility("rate-limit-per-ip"))
                .build());
        return CfnWebACL.Builder.create(this, "WebAcl")
                .name(config.namePrefix() + "-downloads")
                .scope("CLOUDFRONT")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(config.namePrefix() + "-downloads"))
                .rules(rules)
                .build();
    }

    private static CfnWebACL.RuleProperty managedRule(String name, int priority) {
        return CfnWebACL.RuleProperty.builder()
                .name(name)
                .priority(priority)
                .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                .vendorName("AWS")
                                .name(name)
                                .build())
                        .build())
                .visibilityConfig(visibility(name))
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metric) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .metricName(metric)
                .build();
    }

    /** PriceClass_100 -> PRICE_CLASS_100 (the enum constant; the config uses CloudFront's own spelling). */
    private static String priceClassConstant(String priceClass) {
        return "PRICE_CLASS_" + priceClass.substring("PriceClass_".length()).toUpperCase();
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public Distribution distribution() {
        return distribution;
    }

    public KeyGroup keyGroup() {
        return keyGroup;
    }
}
