package com.apexshare.notification.email.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.notification.email.AddressHash;
import com.apexshare.notification.email.SuppressionReason;
import com.apexshare.notification.email.Suppressions;

/** The suppression list in PostgreSQL, keyed by {@link AddressHash}. */
@Component
class JpaSuppressions implements Suppressions {

    private final SuppressedAddressRows rows;

    JpaSuppressions(SuppressedAddressRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<SuppressionReason> reasonFor(String address) {
        return rows.findById(AddressHash.of(address)).filter(row -> !row.lifted())
                .map(row -> SuppressionReason.valueOf(row.reason()));
    }

    @Override
    public void suppress(String address, SuppressionReason reason, UUID fileId, Instant at) {
        rows.suppress(AddressHash.of(address), reason.name(), fileId, at);
    }

    @Override
    public boolean lift(String address, Instant at) {
        return rows.lift(AddressHash.of(address), at) > 0;
    }
}
