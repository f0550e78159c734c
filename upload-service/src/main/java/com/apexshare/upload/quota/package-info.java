/**
 * Per-trainer quotas: uploads started per hour, bytes declared per day, and distinct student addresses per hour. A
 * stolen or scripted trainer account cannot turn ApexShare into a spam relay (each upload e-mails an address of its
 * choosing) or fill the bucket. Usage is kept in the service's database, not in memory, so every replica counts the
 * same; checks of one trainer take turns under a lock. Refusals answer 429 with {@code Retry-After}.
 */
package com.apexshare.upload.quota;
