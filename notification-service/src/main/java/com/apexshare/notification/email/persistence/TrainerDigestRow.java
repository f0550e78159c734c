package com.apexshare.notification.email.persistence;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One trainer's digest of one day (the {@code trainer_digest} table). Written only by the native statements of
 * {@link TrainerDigestRows}; mapped so that Hibernate validates the table.
 */
@Entity
@Table(name = "trainer_digest")
@IdClass(TrainerDigestRow.Key.class)
class TrainerDigestRow {

    @Id
    private String trainerId;

    @Id
    private LocalDate day;

    private String status;

    protected TrainerDigestRow() {
        // for JPA
    }

    /** The row's key. */
    static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String trainerId;
        private LocalDate day;

        protected Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(trainerId, k.trainerId) && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(trainerId, day);
        }
    }
}
