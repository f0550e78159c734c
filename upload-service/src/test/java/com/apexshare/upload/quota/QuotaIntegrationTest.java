package com.apexshare.upload.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.apexshare.upload.UploadIntegrationTestSupport;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The per-trainer quotas through the API, with small limits. A context of its own (other limits), which neither
 * consumes the raw notification topic nor shares a consumer group with the module's other context.
 */
@TestPropertySource(properties = {
        "apexshare.upload.quotas.uploads-per-hour=3",
        "apexshare.upload.quotas.students-per-hour=2",
        "apexshare.upload.quotas.bytes-per-day=100MB",
        "apexshare.upload.notifications.kafka.enabled=false",
        "apexshare.upload.consumer-group=upload-quota-test"})
class QuotaIntegrationTest extends UploadIntegrationTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    private HttpResponse<String> initiate(String trainer, String student, long size) throws Exception {
        Map<String, Object> body = initiateBody("ride.mp4", size);
        body.put("studentEmail", student);
        return post("/api/v1/uploads/initiate", token(trainer), body);
    }

    @Test
    void shouldRefuseTheUploadBeyondTheHourlyLimitWith429RetryAfterAndNothingCreated() throws Exception {
        // Given a trainer who started three uploads this hour, the most allowed
        String trainer = newTrainer();
        for (int i = 0; i < 3; i++) {
            assertThat(initiate(trainer, "alex@example.com", 20 * MIB).statusCode()).isEqualTo(201);
        }
        List<String> multipartBefore = multipartUploadKeys();

        // When they start a fourth
        HttpResponse<String> refused = initiate(trainer, "alex@example.com", 20 * MIB);

        // Then it is refused with 429, the error body and when to try again (within the hour)
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(error(refused).path("code").asString()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(error(refused).path("message").asString()).contains("3 uploads in the last hour");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3_000L, 3_600L);

        // And nothing was created for it: no multipart upload, no session beyond the three, no usage
        assertThat(multipartUploadKeys()).isEqualTo(multipartBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM upload_session WHERE trainer_id = ?", Long.class, trainer))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM trainer_usage WHERE trainer_id = ?", Long.class, trainer))
                .isEqualTo(3);
        assertThat(meters.find("apexshare.upload.quota.refusals").tag("quota", "UPLOADS_PER_HOUR").counter().count())
                .isPositive();

        // And another trainer is not affected
        assertThat(initiate(newTrainer(), "alex@example.com", 20 * MIB).statusCode()).isEqualTo(201);
    }

    @Test
    void shouldRefuseAThirdStudentInAnHourButNotAStudentAlreadyServed() throws Exception {
        // Given a trainer who sent videos to two students this hour, the most allowed
        String trainer = newTrainer();
        assertThat(initiate(trainer, "one@example.com", MIB).statusCode()).isEqualTo(201);
        assertThat(initiate(trainer, "two@example.com", MIB).statusCode()).isEqualTo(201);

        // When they start an upload for a third student, then for the first one again (another spelling)
        HttpResponse<String> third = initiate(trainer, "three@example.com", MIB);
        HttpResponse<String> first = initiate(trainer, "One@Example.com", MIB);

        // Then the third student is refused, the first is not
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(error(third).path("message").asString()).contains("2 different students");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(first.statusCode()).isEqualTo(201);
    }

    @Test
    void shouldRefuseBytesBeyondTheDailyAmount() throws Exception {
        // Given a trainer who declared 60 MiB today, of 100 MB (Spring: MiB) allowed
        String trainer = newTrainer();
        assertThat(initiate(trainer, "alex@example.com", 60 * MIB).statusCode()).isEqualTo(201);

        // When they start 41 MiB more (over the limit), then 30 MiB (within it)
        HttpResponse<String> tooMuch = initiate(trainer, "alex@example.com", 41 * MIB);
        HttpResponse<String> fits = initiate(trainer, "alex@example.com", 30 * MIB);

        // Then only the first is refused
        assertThat(tooMuch.statusCode()).isEqualTo(429);
        assertThat(error(tooMuch).path("code").asString()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(fits.statusCode()).isEqualTo(201);
    }
}
