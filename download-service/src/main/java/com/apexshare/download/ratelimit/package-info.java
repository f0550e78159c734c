/**
 * Per-client rate limit on link look-ups: a token bucket per client address in each replica's memory (bounded), so a
 * client cannot guess tokens quickly. The client address is the socket's peer unless that peer is a trusted proxy,
 * in which case {@code X-Forwarded-For} is followed back to the first untrusted address. A cluster-wide limit belongs
 * at the ingress or gateway; this one caps what a single replica hands out. The servlet filter is in {@code web}.
 */
package com.apexshare.download.ratelimit;
