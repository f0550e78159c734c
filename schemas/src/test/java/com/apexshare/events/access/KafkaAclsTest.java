package com.apexshare.events.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import com.apexshare.events.Topic;
import com.apexshare.events.Topics;

class KafkaAclsTest {

    @Test
    void shouldGiveEveryCatalogTopicAWriterAndEveryEventTopicAReader() {
        // Given the catalog / Then every topic has a writer, and each event topic is read by a service
        for (Topic<?> topic : Topics.all()) {
            assertThat(TopicOwnership.producersOf(topic)).as(topic.name()).isNotEmpty();
            assertThat(TopicOwnership.consumersOf(topic).stream().filter(TopicOwnership.services()::contains))
                    .as(topic.name()).isNotEmpty();
        }
        // Then only upload-service and catalog-service's retention job announce deletions, and nothing else is shared
        assertThat(TopicOwnership.producersOf(Topics.UPLOAD_DELETED))
                .containsExactly(TopicOwnership.UPLOAD_SERVICE, TopicOwnership.CATALOG_SERVICE);
        assertThat(TopicOwnership.producersOf(Topics.S3_NOTIFICATIONS_RAW)).containsExactly(TopicOwnership.S3_BRIDGE);
    }

    @Test
    void shouldAllowAServiceOnlyItsTopicsItsGroupAndItsDeadLetters() {
        // Given download-service with a renamed group
        List<AclBinding> acls = KafkaAcls.bindings(TopicOwnership.DOWNLOAD_SERVICE,
                new KafkaAcls.Identity("dl", Optional.of("downloads")));
        // When rendered
        List<String> lines = KafkaAcls.render(acls);
        // Then it writes Downloaded, LinkActivated and its dead letters, reads its eight topics and its group, nothing more
        assertThat(lines).containsExactly(
                "User:dl CLUSTER LITERAL kafka-cluster IdempotentWrite",
                "User:dl GROUP LITERAL downloads Read",
                "User:dl TOPIC LITERAL apexshare.downloaded.v1 Write",
                "User:dl TOPIC LITERAL apexshare.email-sent.v1 Read",
                "User:dl TOPIC LITERAL apexshare.email-sent.v1.downloads.dlt Write",
                "User:dl TOPIC LITERAL apexshare.link-activated.v1 Write",
                "User:dl TOPIC LITERAL apexshare.link-issued.v1 Read",
                "User:dl TOPIC LITERAL apexshare.link-issued.v1.downloads.dlt Write",
                "User:dl TOPIC LITERAL apexshare.link-revoked.v1 Read",
                "User:dl TOPIC LITERAL apexshare.link-revoked.v1.downloads.dlt Write",
                "User:dl TOPIC LITERAL apexshare.student-address-changed.v1 Read",
                "User:dl TOPIC LITERAL apexshare.student-address-changed.v1.downloads.dlt Write",
                "User:dl TOPIC LITERAL apexshare.upload-completed.v1 Read",
                "User:dl TOPIC LITERAL apexshare.upload-completed.v1.downloads.dlt Write",
                "User:dl TOPIC LITERAL apexshare.upload-deleted.v1 Read",
                "User:dl TOPIC LITERAL apexshare.upload-deleted.v1.downloads.dlt Write",
                "User:dl TOPIC LITERAL apexshare.upload-expiry-changed.v1 Read",
                "User:dl TOPIC LITERAL apexshare.upload-expiry-changed.v1.downloads.dlt Write",
                "User:dl TOPIC LITERAL apexshare.upload-initiated.v1 Read",
                "User:dl TOPIC LITERAL apexshare.upload-initiated.v1.downloads.dlt Write");
    }

    @Test
    void shouldNeverLetTheTopicsJobOrAnalyticsReadOrWriteWhatTheyShouldNot() {
        // Given the default bindings
        List<AclBinding> acls = KafkaAcls.defaults();
        // Then the topics job administers apexshare.* topics and never reads or writes a record
        assertThat(KafkaAcls.render(acls.stream()
                .filter(b -> b.entry().principal().equals("User:apexshare-topics")).toList()))
                .containsExactly("User:apexshare-topics TOPIC PREFIXED apexshare. "
                        + "Alter,AlterConfigs,Create,Describe,DescribeConfigs");
        // Then analytics and the S3 bridge have no cluster rights, analytics writes nothing
        assertThat(acls).filteredOn(b -> b.entry().principal().equals("User:apexshare-analytics"))
                .noneMatch(b -> b.entry().operation() == AclOperation.WRITE)
                .noneMatch(b -> b.pattern().resourceType() == ResourceType.CLUSTER);
        assertThat(acls).filteredOn(b -> b.entry().principal().equals("User:apexshare-s3-bridge"))
                .extracting(b -> b.pattern().name()).containsExactly(Topics.S3_NOTIFICATIONS_RAW.name());
        // Then nobody but the topics job may create, alter or delete, and no rule is for everyone
        assertThat(acls).filteredOn(b -> !b.entry().principal().equals("User:apexshare-topics"))
                .allMatch(b -> List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.IDEMPOTENT_WRITE)
                        .contains(b.entry().operation()));
        assertThat(acls).noneMatch(b -> b.entry().principal().equals("User:*"));
    }

    @Test
    void shouldSpellOperationsAsTheCommandLineToolsDo() {
        assertThat(KafkaAcls.operationName(AclOperation.IDEMPOTENT_WRITE)).isEqualTo("IdempotentWrite");
        assertThat(KafkaAcls.operationName(AclOperation.DESCRIBE_CONFIGS)).isEqualTo("DescribeConfigs");
        assertThat(KafkaAcls.operationName(AclOperation.READ)).isEqualTo("Read");
    }
}
