package com.apexshare.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.apexshare.cli.api.UploadApiModel.PartUrl;
import com.apexshare.cli.api.UploadApiModel.PartUrls;

class MultipartUrlsTest {

    private static final Instant NOW = Instant.parse("2024-05-31T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<List<Integer>> asked = new ArrayList<>();

    private PartUrls issue(List<Integer> numbers) {
        asked.add(List.copyOf(numbers));
        return new PartUrls(numbers.stream().map(n -> new PartUrl(n, "http://s3/part" + n + "?v=" + asked.size()))
                .toList(), NOW.plusSeconds(900));
    }

    @Test
    void shouldFetchTheNextPartsUrlsInBatchesInTheOrderTheyAreSent() {
        // Given parts 1-7 to send, initiate's URLs for 1-2, and batches of 3
        MultipartUrls urls = new MultipartUrls(this::issue, clock, List.of(1, 2, 3, 4, 5, 6, 7), 3);
        urls.seed(List.of(new PartUrl(1, "http://s3/part1"), new PartUrl(2, "http://s3/part2")),
                NOW.plusSeconds(900));

        // When every part's URL is asked for in order
        for (int n = 1; n <= 7; n++) {
            assertThat(urls.url(n).url().toString()).startsWith("http://s3/part" + n);
        }

        // Then the API was asked twice: for 3-5, then 6-7
        assertThat(asked).containsExactly(List.of(3, 4, 5), List.of(6, 7));
    }

    @Test
    void shouldFetchOneBatchWhenALaterPartAsksBeforeAnEarlierOne() {
        // Given parts 3 and 4 still to send, two at once: the thread with part 4 may well ask first (it did on a
        // loaded machine, and the API was asked twice, for 4 and then for 3)
        MultipartUrls urls = new MultipartUrls(this::issue, clock, List.of(3, 4), 100);

        // When part 4's URL is asked for before part 3's
        PresignedUrl fourth = urls.url(4);
        PresignedUrl third = urls.url(3);

        // Then one batch brought both, in the order they are sent
        assertThat(asked).containsExactly(List.of(3, 4));
        assertThat(fourth.url().toString()).startsWith("http://s3/part4");
        assertThat(third.url().toString()).startsWith("http://s3/part3");
    }

    @Test
    void shouldNotFetchAgainTheUrlsOfPartsAlreadyOnTheirWay() {
        // Given parts 1-4 and batches of 2, parts 1 and 2 under way with URLs that expire soon
        MultipartUrls urls = new MultipartUrls(this::issue, clock, List.of(1, 2, 3, 4), 2);
        urls.seed(List.of(new PartUrl(1, "http://s3/part1"), new PartUrl(2, "http://s3/part2")),
                NOW.plusSeconds(30));

        // When part 3 asks for its URL
        urls.url(3);

        // Then only parts 3 and 4 were asked for: the earlier parts used their URLs already
        assertThat(asked).containsExactly(List.of(3, 4));
    }

    @Test
    void shouldReplaceUrlsThatAreAboutToExpire() {
        // Given initiate's URLs expiring in 30 seconds
        MultipartUrls urls = new MultipartUrls(this::issue, clock, List.of(1, 2), 100);
        urls.seed(List.of(new PartUrl(1, "http://s3/old1"), new PartUrl(2, "http://s3/old2")),
                NOW.plusSeconds(30));

        // When part 1's URL is asked for
        PresignedUrl url = urls.url(1);

        // Then fresh URLs for both parts were fetched in one batch
        assertThat(url.url().toString()).isEqualTo("http://s3/part1?v=1");
        assertThat(asked).containsExactly(List.of(1, 2));
    }

    @Test
    void shouldFetchAFreshUrlForARefusedPart() {
        // Given a part whose URL S3 refused
        MultipartUrls urls = new MultipartUrls(this::issue, clock, List.of(1, 2, 3), 100);
        urls.url(1);

        // When a fresh one is asked for
        PresignedUrl fresh = urls.fresh(2);

        // Then the API is asked for that part alone, and the answer replaces the old URL
        assertThat(asked).containsExactly(List.of(1, 2, 3), List.of(2));
        assertThat(fresh.url().toString()).isEqualTo("http://s3/part2?v=2");
        assertThat(urls.url(2)).isEqualTo(fresh);
        assertThat(urls.batches()).isEqualTo(2);
    }
}
