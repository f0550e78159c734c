package com.apexshare.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.cli.S3Fixture;
import com.apexshare.cli.api.RetryPolicy;
import com.apexshare.devstack.PresignedUrls;

import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.presigner.model.UploadPartPresignRequest;

/** The part uploader against real S3 (S3Proxy) through presigned multipart URLs made with the AWS SDK. */
class PartUploaderIntegrationTest {

    private static final long PART = 5L * 1024 * 1024;
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

    private final S3Fixture s3 = S3Fixture.get();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void shouldUploadPartsInParallelThroughPresignedUrlsSoThatS3AssemblesTheExactFile() throws Exception {
        // Given a file of three full parts and a short last one, and a multipart upload created as the service would
        byte[] content = randomBytes((int) (3 * PART + 12_345));
        Path file = Files.write(dir.resolve("session.mp4"), content);
        String bucket = s3.freshBucket();
        String uploadId = s3.client().createMultipartUpload(b -> b.bucket(bucket).key("v.mp4")).uploadId();
        PartPlan plan = PartPlan.of(content.length, PART, 4);
        List<Integer> presigned = new CopyOnWriteArrayList<>();
        PartUrlSource urls = new PartUrlSource() {
            @Override
            public PresignedUrl url(int partNumber) {
                presigned.add(partNumber);
                return new PresignedUrl(presign(bucket, "v.mp4", uploadId, partNumber), Map.of(), null);
            }

            @Override
            public PresignedUrl fresh(int partNumber) {
                return url(partNumber);
            }
        };
        TransferProgress progress = new TransferProgress(content.length, 0);

        // When the parts are sent three at a time
        Map<Integer, String> eTags;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            eTags = new PartUploader(http, QUICK, 3, note -> { }).upload(channel, plan.parts(), urls, progress);
        }

        // Then every part has an ETag, the progress counted every byte once, and the completed object is the file
        assertThat(eTags).containsOnlyKeys(1, 2, 3, 4);
        assertThat(progress.done()).isEqualTo(content.length);
        assertThat(progress.sample().partsDone()).isEqualTo(4);
        complete(bucket, "v.mp4", uploadId, eTags);
        assertThat(object(bucket, "v.mp4")).isEqualTo(content);
        assertThat(presigned).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void shouldAskForAFreshUrlWhenS3RefusesAPartsUrl() throws Exception {
        // Given a multipart upload whose first URL for part 2 carries a broken signature
        byte[] content = randomBytes((int) (PART + 1000));
        Path file = Files.write(dir.resolve("broken-url.mp4"), content);
        String bucket = s3.freshBucket();
        String uploadId = s3.client().createMultipartUpload(b -> b.bucket(bucket).key("v.mp4")).uploadId();
        AtomicInteger freshUrls = new AtomicInteger();
        PartUrlSource urls = new PartUrlSource() {
            @Override
            public PresignedUrl url(int partNumber) {
                URI url = presign(bucket, "v.mp4", uploadId, partNumber);
                if (partNumber == 2) {
                    url = URI.create(PresignedUrls.withBrokenSignature(url.toString()));
                }
                return new PresignedUrl(url, Map.of(), null);
            }

            @Override
            public PresignedUrl fresh(int partNumber) {
                freshUrls.incrementAndGet();
                return new PresignedUrl(presign(bucket, "v.mp4", uploadId, partNumber), Map.of(), null);
            }
        };
        List<String> notes = new CopyOnWriteArrayList<>();
        TransferProgress progress = new TransferProgress(content.length, 0);

        // When the parts are sent
        Map<Integer, String> eTags;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            eTags = new PartUploader(http, QUICK, 2, notes::add).upload(channel,
                    PartPlan.of(content.length, PART, 2).parts(), urls, progress);
        }

        // Then part 2 went with a fresh URL after S3's refusal (a 403, or the connection S3 closed while the body
        // was still being sent), the retry was reported, and no byte was counted twice
        assertThat(freshUrls).hasValue(1);
        assertThat(notes).singleElement().asString().startsWith("part 2 failed (").contains("trying again (2 of 3)");
        assertThat(progress.done()).isEqualTo(content.length);
        complete(bucket, "v.mp4", uploadId, eTags);
        assertThat(object(bucket, "v.mp4")).isEqualTo(content);
    }

    @Test
    void shouldGiveUpAfterTheRetriesWhenS3KeepsRefusing() throws Exception {
        // Given URLs that S3 always refuses
        byte[] content = randomBytes(1000);
        Path file = Files.write(dir.resolve("refused.mp4"), content);
        String bucket = s3.freshBucket();
        String uploadId = s3.client().createMultipartUpload(b -> b.bucket(bucket).key("v.mp4")).uploadId();
        Map<Integer, AtomicInteger> tries = new ConcurrentHashMap<>();
        PartUrlSource urls = new PartUrlSource() {
            @Override
            public PresignedUrl url(int partNumber) {
                tries.computeIfAbsent(partNumber, n -> new AtomicInteger()).incrementAndGet();
                return new PresignedUrl(URI.create(PresignedUrls.withBrokenSignature(
                        presign(bucket, "v.mp4", uploadId, partNumber).toString())), Map.of(), null);
            }

            @Override
            public PresignedUrl fresh(int partNumber) {
                return url(partNumber);
            }
        };
        TransferProgress progress = new TransferProgress(content.length, 0);

        // When the part is sent, Then it fails after every try with the last reason, and no byte counts as sent
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThatThrownBy(() -> new PartUploader(http, QUICK, 1, n -> { }).upload(channel,
                    PartPlan.whole(content.length).parts(), urls, progress))
                    .isInstanceOf(PartUploadFailed.class)
                    .hasMessageContaining("part 1 failed 3 times; last: ");
        }
        assertThat(tries.get(1)).hasValue(3);
        assertThat(progress.done()).isZero();
    }

    private URI presign(String bucket, String key, String uploadId, int partNumber) {
        return URI.create(s3.presigner().presignUploadPart(UploadPartPresignRequest.builder()
                .signatureDuration(Duration.ofMinutes(10))
                .uploadPartRequest(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber))
                .build()).url().toString());
    }

    private void complete(String bucket, String key, String uploadId, Map<Integer, String> eTags) {
        List<CompletedPart> parts = new ArrayList<>();
        eTags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(CompletedPart.builder().partNumber(e.getKey()).eTag(e.getValue()).build()));
        s3.client().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    private byte[] object(String bucket, String key) {
        return s3.client().getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toBytes()).asByteArray();
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static Path writeRandom(Path file, int size) throws IOException {
        return Files.write(file, randomBytes(size));
    }
}
