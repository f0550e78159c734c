package com.apexshare.catalog.upload.web;

import static com.apexshare.catalog.TestEvents.delivery;
import static com.apexshare.catalog.TestEvents.emailSent;
import static com.apexshare.catalog.TestEvents.initiated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.catalog.CatalogIntegrationTest;
import com.apexshare.catalog.TestEvents;
import com.apexshare.events.EmailBounceType;
import com.apexshare.events.EmailDeliveryState;

import tools.jackson.databind.JsonNode;

/** The dashboard's "delivered?": the latest delivery report of the student's email, in the list and the detail. */
class DeliveryStateApiIntegrationTest extends CatalogIntegrationTest {

    @Test
    void shouldShowSentThenDeliveredThenAHardBounceInTheListAndTheDetail() {
        // Given an upload whose email was sent
        String trainer = "trainer-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        awaitApplied(publish(initiated(id, trainer, t0).build(), emailSent(id, t0.plusSeconds(1))));

        // Then the dashboard says SENT
        assertThat(deliveryOf(detail(id, trainer)).path("state").asString()).isEqualTo("SENT");
        assertThat(deliveryOf(detail(id, trainer)).path("at").asString()).isEqualTo(t0.plusSeconds(1).toString());

        // When it is delivered
        awaitApplied(publish(delivery(id, EmailDeliveryState.DELIVERED, 1, t0.plusSeconds(2), null)));

        // Then list and detail say DELIVERED
        assertThat(deliveryOf(detail(id, trainer)).path("state").asString()).isEqualTo("DELIVERED");
        assertThat(deliveryOf(listRow(trainer)).path("state").asString()).isEqualTo("DELIVERED");

        // When it hard-bounces afterwards
        awaitApplied(publish(delivery(id, EmailDeliveryState.BOUNCED, 2, t0.plusSeconds(3), EmailBounceType.HARD)));

        // Then the bounce shows, with its type and time
        JsonNode bounced = deliveryOf(listRow(trainer));
        assertThat(bounced.path("state").asString()).isEqualTo("BOUNCED");
        assertThat(bounced.path("bounceType").asString()).isEqualTo("HARD");
        assertThat(bounced.path("at").asString()).isEqualTo(t0.plusSeconds(3).toString());
    }

    @Test
    void shouldNeverMoveBackwardsOnDuplicatedOrReorderedReports() {
        // Given an upload whose reports arrive out of order and twice: the complaint (3) before the delay (1) and the
        // delivery (2), then the delivery again, in one poll and in separate ones
        String trainer = "trainer-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        awaitApplied(publish(initiated(id, trainer, t0).build(), initiated(other, trainer, t0.plusSeconds(1)).build(),
                emailSent(id, t0), emailSent(other, t0)));
        awaitApplied(publish(delivery(id, EmailDeliveryState.COMPLAINED, 3, t0.plusSeconds(30), null),
                delivery(id, EmailDeliveryState.DELAYED, 1, t0.plusSeconds(10), null),
                delivery(id, EmailDeliveryState.DELIVERED, 2, t0.plusSeconds(20), null)));
        awaitApplied(publish(delivery(id, EmailDeliveryState.DELIVERED, 2, t0.plusSeconds(20), null)));
        awaitApplied(publish(delivery(other, EmailDeliveryState.DELIVERED, 2, t0.plusSeconds(20), null),
                delivery(other, EmailDeliveryState.DELAYED, 1, t0.plusSeconds(10), null)));

        // Then the complaint, the highest sequence, stays; the other upload stays delivered
        assertThat(deliveryOf(detail(id, trainer)).path("state").asString()).isEqualTo("COMPLAINED");
        assertThat(deliveryOf(detail(id, trainer)).path("at").asString()).isEqualTo(t0.plusSeconds(30).toString());
        assertThat(deliveryOf(detail(other, trainer)).path("state").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void shouldShowASuppressedEmailAndNoDeliveryBeforeSending() {
        // Given an upload not emailed yet, and one suppressed after an earlier hard bounce of its address
        String trainer = "trainer-" + UUID.randomUUID();
        String waiting = UUID.randomUUID().toString();
        String suppressed = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        awaitApplied(publish(initiated(waiting, trainer, t0).build(),
                initiated(suppressed, trainer, t0.plusSeconds(1)).build()));
        awaitApplied(publish(delivery(suppressed, EmailDeliveryState.SUPPRESSED, 1, t0.plusSeconds(2),
                EmailBounceType.HARD)));

        // Then the first has no delivery yet, the second says SUPPRESSED with the hard bounce behind it
        assertThat(detail(waiting, trainer).path("data").path("delivery").isNull()).isTrue();
        JsonNode state = deliveryOf(detail(suppressed, trainer));
        assertThat(state.path("state").asString()).isEqualTo("SUPPRESSED");
        assertThat(state.path("bounceType").asString()).isEqualTo("HARD");
    }

    private JsonNode detail(String id, String trainer) {
        return getJson("/api/v1/uploads/" + id, token(trainer));
    }

    private JsonNode listRow(String trainer) {
        return getJson("/api/v1/uploads/recent?limit=1", token(trainer)).path("data").path("uploads").get(0);
    }

    private static JsonNode deliveryOf(JsonNode node) {
        return node.has("data") ? node.path("data").path("delivery") : node.path("delivery");
    }
}
