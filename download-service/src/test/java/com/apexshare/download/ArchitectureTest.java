package com.apexshare.download;

import com.apexshare.devstack.architecture.ServiceArchitectureChecks;

/** The layering every service shares (devstack's {@code ServiceArchitecture}), checked on this one's main classes. */
class ArchitectureTest extends ServiceArchitectureChecks {

    ArchitectureTest() {
        super("com.apexshare.download");
    }
}
