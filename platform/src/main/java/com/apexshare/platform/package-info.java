/**
 * The ApexShare platform: a Spring Boot starter with the cross-cutting infrastructure every service shares — the
 * brief's response bodies and the central error mapping ({@code web}), JWT resource-server security with a required
 * trainer role ({@code security}), one Kafka error policy with dead-letter topics and publish-and-wait
 * ({@code kafka}), the transactional outbox and its relay ({@code outbox}), AWS clients ({@code aws}), the clock
 * ({@code time}) and the OpenAPI description ({@code openapi}). No domain code lives here.
 */
package com.apexshare.platform;
