/**
 * Bucket4j adapter of {@code ratelimit}: the bucket store ({@code ProxyManager}, in memory with Caffeine; a replica
 * keeps its own buckets), the per-address servlet filter, the per-trainer route filter, and the 429 answer with
 * {@code Retry-After} and the error body.
 */
package com.apexshare.gateway.ratelimit.web;
