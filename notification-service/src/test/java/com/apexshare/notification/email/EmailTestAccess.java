package com.apexshare.notification.email;

import org.springframework.stereotype.Component;

/** Lets integration tests run one dispatcher round, one gauge refresh and one purge on demand, instead of waiting for them. */
@Component
public class EmailTestAccess {

    private final EmailDispatcher dispatcher;
    private final EmailMaintenance maintenance;

    EmailTestAccess(EmailDispatcher dispatcher, EmailMaintenance maintenance) {
        this.dispatcher = dispatcher;
        this.maintenance = maintenance;
    }

    public int dispatchOnce() {
        return dispatcher.dispatchOnce();
    }

    public void refreshGauges() {
        maintenance.refreshGauges();
    }

    public void purgeExpired() {
        maintenance.purgeExpired();
    }
}
