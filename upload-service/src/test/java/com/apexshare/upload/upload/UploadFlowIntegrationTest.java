package com.apexshare.upload.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apexshare.events.CompletionSource;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.upload.UploadIntegrationTestSupport;

import software.amazon.awssdk.services.s3.model.CompletedPart;
import tools.jackson.databind.JsonNode;

/** The trainer's whole journey against S3Proxy and Kafka: real bytes through the presigned URLs. */
class UploadFlowIntegrationTest extends UploadIntegrationTestSupport {

    /** Three parts: 5 MiB, 5 MiB and a short last one. */
    private static final long MULTIPART_SIZE = 10 * MIB + 12_345;

    @Autowired
    ObjectStore objectStore;

    @Test
    void shouldUploadAMultipartFileThroughPresignedUrlsAndPublishItsCompletion() throws Exception {
        // Given a trainer who starts a three-part upload
        String trainer = newTrainer();
        String token = token(trainer);
        byte[] video = randomBytes(MULTIPART_SIZE);
        HttpResponse<String> initiated = post("/api/v1/uploads/initiate", token, initiateBody("GX010042.MP4", video.length));
        assertThat(initiated.statusCode()).isEqualTo(201);
        JsonNode started = data(initiated);
        UUID fileId = UUID.fromString(started.path("fileId").asString());
        assertThat(started.path("uploadMode").asString()).isEqualTo("MULTIPART");
        assertThat(started.path("uploadUrl").isNull()).isTrue();
        JsonNode multipart = started.path("multipart");
        assertThat(multipart.path("partSize").asLong()).isEqualTo(5 * MIB);
        assertThat(multipart.path("partCount").asInt()).isEqualTo(3);
        assertThat(multipart.path("parts")).hasSize(3);
        assertThat(multipart.path("uploadId").asString()).isNotBlank();

        // When every part is PUT to its presigned URL and the upload is completed
        List<Map<String, Object>> parts = new ArrayList<>();
        for (JsonNode part : multipart.path("parts")) {
            int n = part.path("partNumber").asInt();
            HttpResponse<String> put = put(part.path("url").asString(), slice(video, n), Map.of());
            assertThat(put.statusCode()).as("part %s", n).isEqualTo(200);
            parts.add(Map.of("partNumber", n, "eTag", put.headers().firstValue("ETag").orElseThrow()));
        }
        HttpResponse<String> completed = post("/api/v1/uploads/" + fileId + "/complete", token, Map.of("parts", parts));

        // Then the answer reports the stored object, S3 holds exactly the bytes sent, and UploadCompleted is published
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        JsonNode result = data(completed);
        assertThat(result.path("fileId").asString()).isEqualTo(fileId.toString());
        assertThat(result.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(result.path("size").asLong()).isEqualTo(video.length);
        assertThat(result.path("eTag").asString()).endsWith("-3");
        UploadInitiated initiatedEvent = events(Topics.UPLOAD_INITIATED, fileId).get(0);
        assertThat(sha256(s3().getObjectAsBytes(b -> b.bucket(BUCKET).key(initiatedEvent.getObjectKey())).asByteArray()))
                .isEqualTo(sha256(video));
        List<UploadCompleted> completions = await().atMost(Duration.ofSeconds(60))
                .until(() -> events(Topics.UPLOAD_COMPLETED, fileId), l -> !l.isEmpty());
        assertThat(completions).allSatisfy(e -> {
            assertThat(e.getSize()).isEqualTo(video.length);
            assertThat(e.getETag()).isEqualTo(result.path("eTag").asString());
            assertThat(e.getObjectKey()).isEqualTo(initiatedEvent.getObjectKey());
            assertThat(e.getBucket()).isEqualTo(BUCKET);
        });
        assertThat(completions).extracting(UploadCompleted::getSource).contains(CompletionSource.CLIENT);

        // And UploadInitiated carried the metadata, the trainer from the token and the retention end
        assertThat(initiatedEvent.getTrainerId()).isEqualTo(trainer);
        assertThat(initiatedEvent.getTrainerEmail()).isEqualTo(trainer + "@school.example");
        assertThat(initiatedEvent.getStudentEmail()).isEqualTo("alex.rider@example.com");
        assertThat(initiatedEvent.getOriginalFileName()).isEqualTo("GX010042.MP4");
        assertThat(initiatedEvent.getObjectKey()).isEqualTo("videos/" + LocalDate.now(ZoneOffset.UTC) + "/" + fileId
                + "-GX010042.MP4");
        assertThat(initiatedEvent.getUploadMode()).isEqualTo(com.apexshare.events.UploadMode.MULTIPART);
        assertThat(Duration.between(initiatedEvent.getOccurredAt(), initiatedEvent.getRetentionUntil()))
                .isEqualTo(Duration.ofDays(30));

        // And a retried complete answers the same without a second assembly
        HttpResponse<String> retried = post("/api/v1/uploads/" + fileId + "/complete", token, Map.of("parts", parts));
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(data(retried)).isEqualTo(result);
    }

    @Test
    void shouldResumeAnInterruptedUploadWithThePartsS3AlreadyHas() throws Exception {
        // Given an upload of which only part 1 reached S3 before the laptop closed
        String token = token(newTrainer());
        byte[] video = randomBytes(MULTIPART_SIZE);
        JsonNode started = data(post("/api/v1/uploads/initiate", token, initiateBody("ride.mov", video.length)));
        String fileId = started.path("fileId").asString();
        String firstUrl = started.path("multipart").path("parts").get(0).path("url").asString();
        assertThat(put(firstUrl, slice(video, 1), Map.of()).statusCode()).isEqualTo(200);

        // When the client asks what S3 has, and for fresh URLs of the missing parts
        HttpResponse<String> progress = get("/api/v1/uploads/" + fileId + "/parts", token);
        HttpResponse<String> urls = post("/api/v1/uploads/" + fileId + "/parts/urls", token,
                Map.of("partNumbers", List.of(2, 3)));

        // Then part 1 is listed with its ETag and size, and URLs for parts 2 and 3 come back
        assertThat(progress.statusCode()).isEqualTo(200);
        JsonNode state = data(progress);
        assertThat(state.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(state.path("uploadMode").asString()).isEqualTo("MULTIPART");
        assertThat(state.path("partCount").asInt()).isEqualTo(3);
        assertThat(state.path("fileSize").asLong()).isEqualTo(video.length);
        assertThat(state.path("uploadedParts")).hasSize(1);
        assertThat(state.path("uploadedParts").get(0).path("partNumber").asInt()).isEqualTo(1);
        assertThat(state.path("uploadedParts").get(0).path("size").asLong()).isEqualTo(5 * MIB);
        assertThat(urls.statusCode()).as(urls.body()).isEqualTo(200);
        JsonNode fresh = data(urls).path("parts");
        assertThat(fresh).extracting(p -> p.path("partNumber").asInt()).containsExactly(2, 3);
        assertThat(data(urls).path("expiresAt").asString()).isNotBlank();

        // And after the missing parts are sent, the upload completes with the ETags S3 listed
        for (JsonNode part : fresh) {
            assertThat(put(part.path("url").asString(), slice(video, part.path("partNumber").asInt()), Map.of())
                    .statusCode()).isEqualTo(200);
        }
        List<Map<String, Object>> parts = new ArrayList<>();
        data(get("/api/v1/uploads/" + fileId + "/parts", token)).path("uploadedParts").forEach(p -> parts.add(
                Map.of("partNumber", p.path("partNumber").asInt(), "eTag", p.path("eTag").asString())));
        assertThat(parts).hasSize(3);
        HttpResponse<String> completed = post("/api/v1/uploads/" + fileId + "/complete", token, Map.of("parts", parts));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(data(completed).path("size").asLong()).isEqualTo(video.length);
        assertThat(data(get("/api/v1/uploads/" + fileId + "/parts", token)).path("status").asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void shouldRefuseACompletionWithPartsMissing() throws Exception {
        // Given an upload with only part 1 in S3
        String token = token(newTrainer());
        byte[] video = randomBytes(MULTIPART_SIZE);
        JsonNode started = data(post("/api/v1/uploads/initiate", token, initiateBody("ride.mp4", video.length)));
        String fileId = started.path("fileId").asString();
        HttpResponse<String> put = put(started.path("multipart").path("parts").get(0).path("url").asString(),
                slice(video, 1), Map.of());

        // When the client completes with that part only
        HttpResponse<String> completed = post("/api/v1/uploads/" + fileId + "/complete", token, Map.of("parts",
                List.of(Map.of("partNumber", 1, "eTag", put.headers().firstValue("ETag").orElseThrow()))));

        // Then it is told the upload is incomplete, and it stays resumable
        assertThat(completed.statusCode()).isEqualTo(409);
        assertThat(error(completed).path("code").asString()).isEqualTo("UPLOAD_INCOMPLETE");
        assertThat(data(get("/api/v1/uploads/" + fileId + "/parts", token)).path("status").asString())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void shouldHaveS3RefuseTamperedExpiredAndWrongSizedPresignedUrls() throws Exception {
        // Given a started multipart upload, and part URLs presigned the way the service does, for 1 KiB parts
        // (S3Proxy answers a refused request without reading the body, so bodies stay small)
        String token = token(newTrainer());
        byte[] part = randomBytes(1024);
        JsonNode started = data(post("/api/v1/uploads/initiate", token, initiateBody("ride.mp4", MULTIPART_SIZE)));
        String fileId = started.path("fileId").asString();
        String uploadId = started.path("multipart").path("uploadId").asString();
        String key = events(Topics.UPLOAD_INITIATED, UUID.fromString(fileId)).get(0).getObjectKey();
        String valid = objectStore.presignPart(key, uploadId, 1, part.length, Duration.ofMinutes(5)).url();
        String tampered = valid.replaceFirst("X-Amz-Signature=[0-9a-f]", "X-Amz-Signature=" + flip(valid));
        String wrongSize = objectStore.presignPart(key, uploadId, 2, part.length, Duration.ofMinutes(5)).url();
        PresignedUrl shortLived = objectStore.presignPart(key, uploadId, 3, part.length, Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(shortLived.expiresAt().plusSeconds(1)));

        // When each is used
        HttpResponse<String> tamperedPut = put(tampered, part, Map.of());
        HttpResponse<String> expiredPut = put(shortLived.url(), part, Map.of());
        HttpResponse<String> wrongSizePut = put(wrongSize, Arrays.copyOf(part, part.length + 1), Map.of());
        HttpResponse<String> validPut = put(valid, part, Map.of());

        // Then S3 refuses the tampered, expired and wrong-sized ones and keeps only the valid part
        assertThat(tamperedPut.statusCode()).isEqualTo(403);
        assertThat(tamperedPut.body()).contains("SignatureDoesNotMatch");
        assertThat(expiredPut.statusCode()).isEqualTo(403);
        assertThat(expiredPut.body()).containsIgnoringCase("expired");
        assertThat(wrongSizePut.statusCode()).isEqualTo(403);
        assertThat(validPut.statusCode()).isEqualTo(200);
        assertThat(data(get("/api/v1/uploads/" + fileId + "/parts", token)).path("uploadedParts"))
                .extracting(p -> p.path("partNumber").asInt()).containsExactly(1);
    }

    @Test
    void shouldHideAnUploadFromOtherTrainers() throws Exception {
        // Given trainer A's upload
        String ownerToken = token(newTrainer());
        String otherToken = token(newTrainer());
        byte[] video = randomBytes(1000);
        JsonNode started = data(post("/api/v1/uploads/initiate", ownerToken, initiateBody("a.mp4", video.length)));
        String fileId = started.path("fileId").asString();
        assertThat(put(started.path("uploadUrl").asString(), video, fields(started)).statusCode()).isEqualTo(200);

        // When trainer B tries to resume, complete or abort it
        List<HttpResponse<String>> answers = List.of(
                get("/api/v1/uploads/" + fileId + "/parts", otherToken),
                post("/api/v1/uploads/" + fileId + "/parts/urls", otherToken, Map.of()),
                post("/api/v1/uploads/" + fileId + "/complete", otherToken, Map.of()),
                post("/api/v1/uploads/" + fileId + "/abort", otherToken, Map.of()));

        // Then every answer is 404 UPLOAD_NOT_FOUND, and the upload is untouched
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(error(r).path("code").asString()).isEqualTo("UPLOAD_NOT_FOUND");
        });
        assertThat(data(get("/api/v1/uploads/" + fileId + "/parts", ownerToken)).path("status").asString())
                .isEqualTo("IN_PROGRESS");
        assertThat(events(Topics.UPLOAD_COMPLETED, UUID.fromString(fileId))).isEmpty();
        assertThat(get("/api/v1/uploads/not-a-uuid/parts", ownerToken).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldUploadASmallFileWithOnePresignedPut() throws Exception {
        // Given a small file, which gets a single presigned PUT
        String token = token(newTrainer());
        byte[] video = randomBytes(4321);
        HttpResponse<String> initiated = post("/api/v1/uploads/initiate", token, initiateBody("clip.mp4", video.length));
        JsonNode started = data(initiated);
        String fileId = started.path("fileId").asString();
        assertThat(started.path("uploadMode").asString()).isEqualTo("SINGLE_PUT");
        assertThat(started.path("multipart").isNull()).isTrue();
        assertThat(fields(started)).containsEntry("Content-Type", "video/mp4");

        // When the client completes too early, then PUTs the file with a fresh URL and completes
        HttpResponse<String> early = post("/api/v1/uploads/" + fileId + "/complete", token, Map.of());
        JsonNode fresh = data(post("/api/v1/uploads/" + fileId + "/parts/urls", token, Map.of()));
        HttpResponse<String> put = put(fresh.path("uploadUrl").asString(), video, fields(fresh));
        HttpResponse<String> completed = post("/api/v1/uploads/" + fileId + "/complete", token, null);

        // Then the early call is refused as incomplete, the later one completes with S3's size and ETag
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(error(early).path("code").asString()).isEqualTo("UPLOAD_INCOMPLETE");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(data(completed).path("size").asLong()).isEqualTo(video.length);
        assertThat(data(completed).path("eTag").asString()).isEqualTo(md5(video));
        assertThat(await().atMost(Duration.ofSeconds(60))
                .until(() -> events(Topics.UPLOAD_COMPLETED, UUID.fromString(fileId)), l -> !l.isEmpty()))
                .extracting(UploadCompleted::getSource).contains(CompletionSource.CLIENT);
    }

    @Test
    void shouldAbortAnUploadAndPublishUploadDeleted() throws Exception {
        // Given an upload with one part in S3
        String token = token(newTrainer());
        byte[] video = randomBytes(MULTIPART_SIZE);
        JsonNode started = data(post("/api/v1/uploads/initiate", token, initiateBody("ride.mp4", video.length)));
        UUID fileId = UUID.fromString(started.path("fileId").asString());
        assertThat(put(started.path("multipart").path("parts").get(0).path("url").asString(), slice(video, 1),
                Map.of()).statusCode()).isEqualTo(200);
        String key = events(Topics.UPLOAD_INITIATED, fileId).get(0).getObjectKey();
        assertThat(multipartUploadKeys()).contains(key);

        // When the trainer aborts it (twice)
        HttpResponse<String> aborted = post("/api/v1/uploads/" + fileId + "/abort", token, null);
        HttpResponse<String> again = post("/api/v1/uploads/" + fileId + "/abort", token, null);

        // Then S3 drops the multipart upload, UploadDeleted(ABORTED) is published, and the upload takes no more calls
        assertThat(aborted.statusCode()).isEqualTo(200);
        assertThat(data(aborted).path("status").asString()).isEqualTo("ABORTED");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(multipartUploadKeys()).doesNotContain(key);
        assertThat(await().atMost(Duration.ofSeconds(60))
                .until(() -> events(Topics.UPLOAD_DELETED, fileId), l -> !l.isEmpty()))
                .extracting(UploadDeleted::getReason).containsOnly(DeletionReason.ABORTED);
        HttpResponse<String> complete = post("/api/v1/uploads/" + fileId + "/complete", token, Map.of("parts",
                List.of(Map.of("partNumber", 1, "eTag", "x"))));
        assertThat(complete.statusCode()).isEqualTo(409);
        assertThat(error(complete).path("code").asString()).isEqualTo("UPLOAD_ABORTED");
        assertThat(post("/api/v1/uploads/" + fileId + "/parts/urls", token, Map.of("partNumbers", List.of(2)))
                .statusCode()).isEqualTo(409);
        assertThat(data(get("/api/v1/uploads/" + fileId + "/parts", token)).path("status").asString())
                .isEqualTo("ABORTED");
    }

    @Test
    void shouldRecogniseAnUploadS3AlreadyAssembledWhenACompleteIsRetried() throws Exception {
        // Given an upload S3 already assembled (an earlier complete got through to S3, then its answer was lost)
        String token = token(newTrainer());
        byte[] video = randomBytes(MULTIPART_SIZE);
        JsonNode started = data(post("/api/v1/uploads/initiate", token, initiateBody("ride.mp4", video.length)));
        UUID fileId = UUID.fromString(started.path("fileId").asString());
        String uploadId = started.path("multipart").path("uploadId").asString();
        List<Map<String, Object>> parts = new ArrayList<>();
        List<CompletedPart> s3Parts = new ArrayList<>();
        for (JsonNode part : started.path("multipart").path("parts")) {
            int n = part.path("partNumber").asInt();
            String eTag = put(part.path("url").asString(), slice(video, n), Map.of()).headers().firstValue("ETag")
                    .orElseThrow();
            parts.add(Map.of("partNumber", n, "eTag", eTag));
            s3Parts.add(CompletedPart.builder().partNumber(n).eTag(eTag).build());
        }
        String key = events(Topics.UPLOAD_INITIATED, fileId).get(0).getObjectKey();
        s3().completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(s3Parts)));

        // When the client retries complete (S3 answers NoSuchUpload now)
        HttpResponse<String> completed = post("/api/v1/uploads/" + fileId + "/complete", token, Map.of("parts", parts));

        // Then the object of the right size counts as the completed upload
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(data(completed).path("size").asLong()).isEqualTo(video.length);
        assertThat(await().atMost(Duration.ofSeconds(60))
                .until(() -> events(Topics.UPLOAD_COMPLETED, fileId), l -> !l.isEmpty())).isNotEmpty();
    }

    /** A different first hex digit of the URL's signature. */
    private static String flip(String url) {
        char c = url.charAt(url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length());
        return c == '0' ? "1" : "0";
    }
}
