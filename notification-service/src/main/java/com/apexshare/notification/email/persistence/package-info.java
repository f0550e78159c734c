/**
 * Persistence adapter of the email feature (Spring Data JPA): the {@code upload}, {@code email} and
 * {@code send_pacer} tables. Native statements where set-based PostgreSQL is the point (upserts with
 * {@code ON CONFLICT}, leasing with {@code FOR UPDATE SKIP LOCKED}, the rate slot's {@code UPDATE … RETURNING});
 * single-email state changes through the {@code Email} aggregate on a locked row.
 */
package com.apexshare.notification.email.persistence;
