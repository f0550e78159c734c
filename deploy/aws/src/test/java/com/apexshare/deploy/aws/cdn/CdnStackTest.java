package com.apexshare.deploy.aws.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.apexshare.deploy.aws.ApexShare;
import com.apexshare.deploy.aws.Cfn;
import com.apexshare.deploy.aws.Synth;
import com.apexshare.deploy.aws.config.StageConfig;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** CloudFront in front of the bucket: Origin Access Control, signed URLs only, WAF where configured. */
class CdnStackTest {

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void shouldReachTheBucketOnlyThroughOriginAccessControl(String stage) {
        // Given a stage with a CDN
        StageConfig config = Synth.config(stage);
        Template cdn = Synth.stage(stage).cdn();
        String oacId = Cfn.only(cdn, "AWS::CloudFront::OriginAccessControl").getKey();

        // When reading the distribution's one origin
        Map<String, Object> distribution = Cfn.properties(Cfn.only(cdn, "AWS::CloudFront::Distribution").getValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> origins = (List<Map<String, Object>>) Cfn.at(distribution, "DistributionConfig.Origins");

        // Then it is the bucket's regional endpoint, signed by the OAC, with no legacy origin access identity
        assertThat(origins).singleElement().satisfies(origin -> {
            assertThat(Cfn.text(origin.get("DomainName"))).isEqualTo(
                    config.storage().bucketName() + ".s3." + config.region() + ".amazonaws.com");
            assertThat(origin.get("OriginAccessControlId")).isEqualTo(Map.of("Fn::GetAtt", List.of(oacId, "Id")));
            assertThat(origin.get("S3OriginConfig")).isEqualTo(Map.of("OriginAccessIdentity", ""));
        });
        cdn.hasResourceProperties("AWS::CloudFront::OriginAccessControl", Map.of("OriginAccessControlConfig", Map.of(
                "Name", config.namePrefix() + "-videos",
                "OriginAccessControlOriginType", "s3",
                "SigningBehavior", "always",
                "SigningProtocol", "sigv4")));
        assertThat(Cfn.resources(cdn, "AWS::CloudFront::CloudFrontOriginAccessIdentity")).isEmpty();
        assertThat(Cfn.resources(cdn, "AWS::S3::BucketPolicy")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void shouldForwardToS3ExactlyTheQueryStringsOfDownloadServicesSignedUrls(String stage) {
        // Given a stage with a CDN, and the query download-service's signed URLs carry besides the signature
        // (link/cloudfront/CloudFrontDownloadUrlSigner: the attachment name and the media type S3 answers with)
        Template cdn = Synth.stage(stage).cdn();
        String cachePolicyId = Cfn.only(cdn, "AWS::CloudFront::CachePolicy").getKey();

        // When reading the behavior and its cache policy
        @SuppressWarnings("unchecked")
        Map<String, Object> behavior = (Map<String, Object>) Cfn.at(
                Cfn.properties(Cfn.only(cdn, "AWS::CloudFront::Distribution").getValue()),
                "DistributionConfig.DefaultCacheBehavior");
        Map<String, Object> policy = Cfn.properties(Cfn.only(cdn, "AWS::CloudFront::CachePolicy").getValue());

        // Then the cache key, and so the origin request, has exactly those two query strings (CloudFront checks and
        // drops Expires, Signature and Key-Pair-Id itself), no header or cookie; no origin request policy adds any.
        // Range needs nothing: CloudFront passes it to S3 and serves ranges from its cache.
        assertThat(behavior.get("CachePolicyId")).isEqualTo(Map.of("Ref", cachePolicyId));
        assertThat(behavior).doesNotContainKey("OriginRequestPolicyId").doesNotContainKey("ForwardedValues");
        assertThat(Cfn.at(policy, "CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.QueryStringsConfig"))
                .isEqualTo(Map.of("QueryStringBehavior", "whitelist",
                        "QueryStrings", List.of("response-content-disposition", "response-content-type")));
        assertThat(Cfn.at(policy, "CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig"))
                .isEqualTo(Map.of("HeaderBehavior", "none"));
        assertThat(Cfn.at(policy, "CachePolicyConfig.ParametersInCacheKeyAndForwardedToOrigin.CookiesConfig"))
                .isEqualTo(Map.of("CookieBehavior", "none"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void shouldServeOnlyUrlsSignedWithTheConfiguredKeyOverHttps(String stage) throws Exception {
        // Given a stage with a CDN
        StageConfig config = Synth.config(stage);
        Template cdn = Synth.stage(stage).cdn();
        String keyGroupId = Cfn.only(cdn, "AWS::CloudFront::KeyGroup").getKey();
        String publicKeyId = Cfn.only(cdn, "AWS::CloudFront::PublicKey").getKey();

        // When reading the default (only) behavior
        @SuppressWarnings("unchecked")
        Map<String, Object> behavior = (Map<String, Object>) Cfn.at(
                Cfn.properties(Cfn.only(cdn, "AWS::CloudFront::Distribution").getValue()),
                "DistributionConfig.DefaultCacheBehavior");

        // Then it trusts the key group of the configured public key, over HTTPS, for GET and HEAD only
        assertThat(behavior.get("TrustedKeyGroups")).isEqualTo(List.of(Map.of("Ref", keyGroupId)));
        assertThat(behavior.get("ViewerProtocolPolicy")).isEqualTo("https-only");
        assertThat(behavior.get("AllowedMethods")).isEqualTo(List.of("GET", "HEAD"));
        assertThat(behavior).doesNotContainKey("TrustedSigners");
        cdn.hasResourceProperties("AWS::CloudFront::KeyGroup", Map.of("KeyGroupConfig", Map.of(
                "Items", List.of(Map.of("Ref", publicKeyId)), "Name", config.namePrefix() + "-downloads")));
        String pem = Files.readString(Synth.BASE_DIR.resolve(config.cdn().publicKeyFile())).strip() + "\n";
        cdn.hasResourceProperties("AWS::CloudFront::PublicKey", Map.of("PublicKeyConfig", Map.of(
                "EncodedKey", pem, "Name", config.namePrefix() + "-downloads",
                "CallerReference", Match.anyValue(),
                "Comment", Match.anyValue())));
        // And in us-east-1, where key groups and CloudFront-scoped WAF live
        assertThat(Synth.stage(stage).stacks().cdn().orElseThrow().getRegion()).isEqualTo(ApexShare.CLOUDFRONT_REGION);
    }

    @Test
    void shouldPutTheWebAclInFrontOfProdOnly() {
        // Given prod (WAF on) and staging (WAF off)
        Template prod = Synth.stage("prod").cdn();
        Template staging = Synth.stage("staging").cdn();
        String aclId = Cfn.only(prod, "AWS::WAFv2::WebACL").getKey();

        // Then prod's distribution uses a CloudFront-scoped web ACL with managed rules and the configured rate limit
        assertThat(Cfn.at(Cfn.properties(Cfn.only(prod, "AWS::CloudFront::Distribution").getValue()),
                "DistributionConfig.WebACLId")).isEqualTo(Map.of("Fn::GetAtt", List.of(aclId, "Arn")));
        Map<String, Object> acl = Cfn.properties(Cfn.only(prod, "AWS::WAFv2::WebACL").getValue());
        assertThat(acl.get("Scope")).isEqualTo("CLOUDFRONT");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) acl.get("Rules");
        assertThat(rules).extracting(r -> r.get("Name")).containsExactly("AWSManagedRulesAmazonIpReputationList",
                "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "rate-limit-per-ip");
        assertThat(Cfn.at(rules.get(3), "Statement.RateBasedStatement")).isEqualTo(Map.of(
                "AggregateKeyType", "IP",
                "Limit", Synth.config("prod").cdn().waf().requestsPer5MinutesPerIp()));
        // And staging has none
        assertThat(Cfn.resources(staging, "AWS::WAFv2::WebACL")).isEmpty();
        assertThat(Cfn.at(Cfn.properties(Cfn.only(staging, "AWS::CloudFront::Distribution").getValue()),
                "DistributionConfig.WebACLId")).isNull();
    }

    @Test
    void shouldLeaveTheCdnOutWhereItIsDisabled() {
        // Given dev, whose configuration has no CDN
        assertThat(Synth.config("dev").cdn().enabled()).isFalse();

        // Then it has no CDN stack
        assertThat(Synth.stage("dev").stacks().cdn()).isEmpty();
    }

    @Test
    void shouldOutputTheDistributionDomainAndKeyGroup() {
        // Given prod's CDN stack
        Template cdn = Synth.stage("prod").cdn();

        // Then the domain and the ids download-service will need are outputs
        assertThat(Cfn.outputs(cdn)).containsKeys("DistributionDomainName", "DistributionId", "KeyGroupId",
                "PublicKeyId");
    }
}
