/**
 * The emails the service owes: what it knows of each upload (from the events, in any order and any number of times),
 * one row per owed email claimed with a row-level state transition, a dispatcher that sends due emails at the
 * configured rate with retries and backoff, and the templates. The {@link com.apexshare.notification.email.Email}
 * aggregate guards each email's state changes; the feature owns its ports ({@code Uploads}, {@code Emails},
 * {@code SendSlots}, {@code EmailEvents}, {@code MailTransport}). Adapters: {@code messaging} (Kafka in, the platform's
 * outbox out), {@code persistence} (Spring Data JPA), {@code mime} (the MIME message), {@code ses} and {@code smtp}
 * (transports), {@code web} (status API).
 */
package com.apexshare.notification.email;
