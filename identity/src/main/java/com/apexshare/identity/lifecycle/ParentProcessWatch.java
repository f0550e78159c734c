package com.apexshare.identity.lifecycle;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.apexshare.identity.IdentityProperties;

/**
 * With {@code apexshare.identity.parent-pid} set (devstack sets it to its JVM), the provider shuts down when that
 * process ends, even when it was killed and could not stop its children.
 */
@Component
class ParentProcessWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ParentProcessWatch.class);

    private final IdentityProperties properties;
    private final ConfigurableApplicationContext context;

    ParentProcessWatch(IdentityProperties properties, ConfigurableApplicationContext context) {
        this.properties = properties;
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        if (properties.parentPid() == null) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(properties.parentPid());
        if (parent.isEmpty()) {
            LOG.info("Parent process {} is gone: stopping", properties.parentPid());
            stop();
            return;
        }
        parent.get().onExit().thenRun(() -> {
            LOG.info("Parent process {} ended: stopping", properties.parentPid());
            stop();
        });
    }

    private void stop() {
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
