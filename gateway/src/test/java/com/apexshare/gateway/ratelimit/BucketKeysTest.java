package com.apexshare.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketKeysTest {

    @Test
    void shouldKeepKindsApartAndNeverHoldTheTokenItself() {
        assertThat(BucketKeys.address("203.0.113.9")).isEqualTo("ip:203.0.113.9");
        assertThat(BucketKeys.subject("u1")).isEqualTo("sub:u1");
        assertThat(BucketKeys.bearer("eyJsecret")).startsWith("tok:").doesNotContain("eyJsecret").hasSize(47);
        assertThat(BucketKeys.bearer("a")).isEqualTo(BucketKeys.bearer("a")).isNotEqualTo(BucketKeys.bearer("b"));
    }
}
