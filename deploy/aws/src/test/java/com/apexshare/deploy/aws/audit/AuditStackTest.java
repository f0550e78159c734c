package com.apexshare.deploy.aws.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.apexshare.deploy.aws.Cfn;
import com.apexshare.deploy.aws.Synth;
import com.apexshare.deploy.aws.config.StageConfig;

import software.amazon.awscdk.assertions.Template;

/** CloudTrail data events of the video bucket. */
class AuditStackTest {

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void shouldRecordEveryReadAndWriteOfVideosOnly(String stage) {
        // Given a stage with auditing on
        StageConfig config = Synth.config(stage);
        Template audit = Synth.stage(stage).audit();

        // When reading the trail
        Map<String, Object> trail = Cfn.properties(Cfn.only(audit, "AWS::CloudTrail::Trail").getValue());

        // Then it logs, with validated log files, the data events (read and write) of the bucket's videos/ keys
        assertThat(trail).containsEntry("IsLogging", true).containsEntry("EnableLogFileValidation", true)
                .containsEntry("IsMultiRegionTrail", false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> selectors = (List<Map<String, Object>>) trail.get("EventSelectors");
        assertThat(selectors).singleElement().satisfies(selector -> {
            assertThat(selector).containsEntry("ReadWriteType", "All").containsEntry("IncludeManagementEvents", false);
            assertThat(selector.get("DataResources")).isInstanceOf(List.class);
            Map<?, ?> data = (Map<?, ?>) ((List<?>) selector.get("DataResources")).get(0);
            assertThat(data.get("Type")).isEqualTo("AWS::S3::Object");
            assertThat(Cfn.texts(data.get("Values")))
                    .containsExactly("arn:aws:s3:::" + config.storage().bucketName() + "/videos/");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void shouldKeepTheLogsPrivateEncryptedAndForTheConfiguredTime(String stage) {
        // Given a stage with auditing on
        Template audit = Synth.stage(stage).audit();
        String bucketId = Cfn.only(audit, "AWS::S3::Bucket").getKey();

        // Then the trail writes to its own private, encrypted bucket that expires logs after the configured days
        assertThat(Cfn.properties(Cfn.only(audit, "AWS::CloudTrail::Trail").getValue()).get("S3BucketName"))
                .isEqualTo(Map.of("Ref", bucketId));
        Map<String, Object> bucket = Cfn.properties(Cfn.only(audit, "AWS::S3::Bucket").getValue());
        assertThat(bucket.get("PublicAccessBlockConfiguration")).isEqualTo(Map.of(
                "BlockPublicAcls", true, "BlockPublicPolicy", true,
                "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(Cfn.at(bucket, "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault"))
                .isEqualTo(Map.of("SSEAlgorithm", "AES256"));
        assertThat(Cfn.at(bucket, "LifecycleConfiguration.Rules.0.ExpirationInDays"))
                .isEqualTo(Synth.config(stage).audit().logRetentionDays());
    }

    @Test
    void shouldLeaveAuditOutWhereItIsDisabled() {
        // Given dev, whose configuration has no audit trail
        assertThat(Synth.config("dev").audit().enabled()).isFalse();

        // Then it has no audit stack
        assertThat(Synth.stage("dev").stacks().audit()).isEmpty();
    }
}
