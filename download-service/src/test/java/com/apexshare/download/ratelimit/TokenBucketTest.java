package com.apexshare.download.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowTheBurstThenTheRate() {
        // Given a bucket of 20 refilling at 10 per second
        TokenBucket bucket = new TokenBucket(20, 10, 0);

        // When 20 requests come at once, Then all pass and the 21st must wait 100 ms
        for (int i = 0; i < 20; i++) {
            assertThat(bucket.tryTake(0)).isZero();
        }
        assertThat(bucket.tryTake(0)).isEqualTo(SECOND / 10);

        // When half a second passes, Then 5 more pass
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryTake(SECOND / 2)).isZero();
        }
        assertThat(bucket.tryTake(SECOND / 2)).isPositive();

        // When a long pause passes, Then the bucket is full again but not fuller
        for (int i = 0; i < 20; i++) {
            assertThat(bucket.tryTake(100 * SECOND)).isZero();
        }
        assertThat(bucket.tryTake(100 * SECOND)).isPositive();
    }
}
