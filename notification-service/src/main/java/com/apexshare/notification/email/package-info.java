/**
 * The emails the service owes: what it knows of each upload (from the events, in any order and any number of times),
 * one row per owed email claimed with a row-level state transition, a dispatcher that sends due emails at the
 * configured rate with retries and backoff, the templates, and the link token. Adapters: {@code messaging} (Kafka in,
 * outbox out), {@code ses} and {@code smtp} (transports), {@code web} (status API).
 */
package com.apexshare.notification.email;
