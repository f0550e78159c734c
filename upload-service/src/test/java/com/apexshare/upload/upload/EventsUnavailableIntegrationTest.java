package com.apexshare.upload.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.apexshare.events.serde.AvroEventSerializer;
import com.apexshare.platform.kafka.EventPublisher;
import com.apexshare.platform.kafka.EventsUnavailable;
import com.apexshare.upload.UploadIntegrationTestSupport;
import com.apexshare.upload.UploadProperties;
import com.apexshare.upload.quota.TrainerQuotas;
import com.apexshare.upload.upload.messaging.KafkaUploadEvents;

/**
 * When Kafka cannot take {@code UploadInitiated}, the upload is not started and nothing is left behind. The service's
 * own beans (PostgreSQL, S3) are used with a producer pointed at a port where no broker listens.
 */
class EventsUnavailableIntegrationTest extends UploadIntegrationTestSupport {

    @Autowired
    UploadSessions sessions;
    @Autowired
    ObjectStore store;
    @Autowired
    PartUrlSigner signer;
    @Autowired
    UploadProperties properties;
    @Autowired
    UploadMetrics metrics;
    @Autowired
    TrainerQuotas quotas;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldNotStartAnUploadWhenKafkaRefusesUploadInitiated() throws Exception {
        // Given the upload service publishing to a Kafka that is not there
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        DefaultKafkaProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + deadPort,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroEventSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500,
                ProducerConfig.LINGER_MS_CONFIG, 0));
        UploadStarter starter = new UploadStarter(sessions, store,
                new KafkaUploadEvents(new EventPublisher(new KafkaTemplate<>(producers), Duration.ofSeconds(10))),
                signer, properties, metrics, quotas, clock);
        String trainer = newTrainer();
        List<String> uploadsBefore = multipartUploadKeys();

        // When a multipart upload is started
        try {
            assertThatThrownBy(() -> starter.start(new NewUpload(new NewUpload.Trainer(trainer, "Sam Coach", null),
                    new NewUpload.Student("alex@example.com", "Alex Rider"), LocalDate.now(), null,
                    new NewUpload.Video("ride.mp4", 100 * MIB, "video/mp4"))))
                    // Then it fails as "events unavailable" (answered 503 EVENTS_UNAVAILABLE)
                    .isInstanceOf(EventsUnavailable.class);
        } finally {
            producers.destroy();
        }

        // And neither a session nor an S3 multipart upload is left behind, and the trainer's quota is given back
        assertThat(jdbc.queryForObject("SELECT count(*) FROM upload_session WHERE trainer_id = ?", Long.class, trainer))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM trainer_usage WHERE trainer_id = ?", Long.class, trainer))
                .isZero();
        assertThat(multipartUploadKeys()).isEqualTo(uploadsBefore);
    }
}
