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
        Set<Class<? extends SpecificRecord>> types = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Topic<?> topic : Topics.all()) {
            assertThat(types.add(topic.valueType())).as("one topic per event type").isTrue();
            assertThat(names.add(topic.name())).as("unique topic names").isTrue();
            assertThat(topic.name()).matches("apexshare\\.[a-z-]+\\.v\\d+");
        }
        assertThat(types).hasSize(EventSchemas.current().size());
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
