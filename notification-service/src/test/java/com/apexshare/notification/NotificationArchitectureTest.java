package com.apexshare.notification;

import com.apexshare.devstack.architecture.ServiceArchitectureChecks;

/** The layering every service shares (devstack's {@code ServiceArchitecture}), checked on this one's main classes. */
class NotificationArchitectureTest extends ServiceArchitectureChecks {

    NotificationArchitectureTest() {
        super("com.apexshare.notification");
    }
}
