/**
 * Observability every service shares: defaults for Micrometer Tracing (W3C trace context over HTTP and Kafka, every
 * request and record sampled, OTLP export only when an endpoint is configured), the latency buckets the alert rules'
 * objectives need, and the upload's trace: the trace an upload began in is stored per file id (the key of every
 * event), so that later events about the upload (its completion, the email, each download) continue that trace even
 * when another request or a scheduled relay publishes them.
 */
package com.apexshare.platform.observability;
