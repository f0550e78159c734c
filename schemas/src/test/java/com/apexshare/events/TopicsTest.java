package com.apexshare.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import com.apexshare.events.serde.EventSchemas;

class TopicsTest {

    @Test
    void shouldGiveEveryEventExactlyOneTopic() {
        Set<Class<?>> types = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Topic<?> topic : Topics.events()) {
            assertThat(types.add(topic.valueType())).as("one topic per event type").isTrue();
            assertThat(names.add(topic.name())).as("unique topic names").isTrue();
            assertThat(topic.name()).matches("apexshare\\.[a-z-]+\\.v\\d+");
            assertThat(topic.format()).isEqualTo(Topic.Format.AVRO);
            assertThat(SpecificRecord.class).isAssignableFrom(topic.valueType());
        }
        assertThat(types).hasSize(EventSchemas.current().size());
    }

    @Test
    void shouldListTheRawS3NotificationTopicAsAJsonEntryOfTheCatalog() {
        // Given the whole catalog
        // When the raw S3 notification topic is looked up by name
        // Then it is the catalog's JSON entry, listed by all() but not among the Avro events
        assertThat(Topics.byName(Topics.Names.S3_NOTIFICATIONS_RAW)).contains(Topics.S3_NOTIFICATIONS_RAW);
        assertThat(Topics.S3_NOTIFICATIONS_RAW.format()).isEqualTo(Topic.Format.JSON);
        assertThat(Topics.S3_NOTIFICATIONS_RAW.valueType()).isEqualTo(String.class);
        assertThat(Topics.all()).containsAll(Topics.events()).contains(Topics.S3_NOTIFICATIONS_RAW)
                .hasSize(Topics.events().size() + 1);
        assertThat(Topics.events()).doesNotContain(Topics.S3_NOTIFICATIONS_RAW);
    }

    @Test
    void shouldKeepTheCompileTimeNamesEqualToTheTypedEntries() {
        // Given the annotation-friendly names / Then each equals its typed entry's name
        assertThat(Topics.UPLOAD_INITIATED.name()).isEqualTo(Topics.Names.UPLOAD_INITIATED);
        assertThat(Topics.UPLOAD_COMPLETED.name()).isEqualTo(Topics.Names.UPLOAD_COMPLETED);
        assertThat(Topics.UPLOAD_DELETED.name()).isEqualTo(Topics.Names.UPLOAD_DELETED);
        assertThat(Topics.EMAIL_SENT.name()).isEqualTo(Topics.Names.EMAIL_SENT);
        assertThat(Topics.EMAIL_FAILED.name()).isEqualTo(Topics.Names.EMAIL_FAILED);
        assertThat(Topics.EMAIL_DELIVERY_REPORTED.name()).isEqualTo(Topics.Names.EMAIL_DELIVERY_REPORTED);
        assertThat(Topics.DOWNLOADED.name()).isEqualTo(Topics.Names.DOWNLOADED);
        assertThat(Topics.LINK_ISSUED.name()).isEqualTo(Topics.Names.LINK_ISSUED);
        assertThat(Topics.LINK_ACTIVATED.name()).isEqualTo(Topics.Names.LINK_ACTIVATED);
        assertThat(Topics.STUDENT_EMAIL_RESENT.name()).isEqualTo(Topics.Names.STUDENT_EMAIL_RESENT);
        assertThat(Topics.STUDENT_ADDRESS_CHANGED.name()).isEqualTo(Topics.Names.STUDENT_ADDRESS_CHANGED);
        assertThat(Topics.UPLOAD_EXPIRY_CHANGED.name()).isEqualTo(Topics.Names.UPLOAD_EXPIRY_CHANGED);
        assertThat(Topics.LINK_REVOKED.name()).isEqualTo(Topics.Names.LINK_REVOKED);
        assertThat(Topics.REMINDER_SETTING_CHANGED.name()).isEqualTo(Topics.Names.REMINDER_SETTING_CHANGED);
        assertThat(Topics.S3_NOTIFICATIONS_RAW.name()).isEqualTo(Topics.Names.S3_NOTIFICATIONS_RAW);
    }

    @Test
    void shouldNameDeadLetterTopicsPerConsumerGroup() {
        assertThat(Topics.UPLOAD_COMPLETED.deadLetter("catalog-service"))
                .isEqualTo("apexshare.upload-completed.v1.catalog-service.dlt");
        assertThat(Topics.byName("apexshare.downloaded.v1")).contains(Topics.DOWNLOADED);
        assertThat(Topics.byName("nope")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Topics.DOWNLOADED.deadLetter(" "));
    }
}
