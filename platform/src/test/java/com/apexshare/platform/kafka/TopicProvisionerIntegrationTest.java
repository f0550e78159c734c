package com.apexshare.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

import com.apexshare.devstack.KafkaBroker;
import com.apexshare.devstack.KafkaBroker.Credentials;
import com.apexshare.events.Topics;
import com.apexshare.events.access.KafkaAcls;
import com.apexshare.events.access.TopicOwnership;

class TopicProvisionerIntegrationTest {

    @Test
    void shouldLeaveTopicsItMayNotCreateToTheTopicsJobInsteadOfRetrying(@TempDir Path dataDir) throws Exception {
        // Given a cluster with the generated ACLs, where only some catalog topics exist yet
        Credentials admin = new Credentials("admin", "admin-" + UUID.randomUUID());
        Credentials upload = new Credentials(TopicOwnership.UPLOAD_SERVICE.defaultUser(), "pw-" + UUID.randomUUID());
        try (KafkaBroker broker = KafkaBroker.startSecured(dataDir, admin);
                Admin cluster = Admin.create(broker.adminProperties())) {
            cluster.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(upload.user(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), upload.password())))
                    .all().get(30, TimeUnit.SECONDS);
            cluster.createAcls(KafkaAcls.defaults()).all().get(30, TimeUnit.SECONDS);
            cluster.createTopics(List.of(new NewTopic(Topics.UPLOAD_INITIATED.name(), 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            Map<String, Object> config = new HashMap<>(broker.clientProperties(upload));
            TopicProvisioner provisioner = new TopicProvisioner(new KafkaAdmin(config),
                    new KafkaListenerEndpointRegistry());

            // When upload-service's principal provisions the catalog (its SCRAM user may take a moment to be known)
            // Then the attempt is complete although every creation was refused: nothing is retried forever
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> provisioner.createMissing(provisioner.wanted()));
            // Then nothing was created behind the topics job's back
            assertThat(cluster.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsExactly(Topics.UPLOAD_INITIATED.name());
        }
    }
}
