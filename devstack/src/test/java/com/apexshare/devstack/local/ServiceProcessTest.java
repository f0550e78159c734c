package com.apexshare.devstack.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @Test
    void shouldRefuseToStartOnceClosedSoThatAStoppingRunLeavesNoChildBehind(@TempDir Path dir) {
        // Given a service process that the run closed (SIGTERM) before its start-up loop reached it
        ServiceProcess process = new ServiceProcess("upload-service", dir.resolve("upload-service.jar"), 0, Map.of(),
                dir.resolve("upload-service.log"), List.of());
        process.close();

        // When the start-up loop goes on to start it
        // Then it is refused, and no process runs
        assertThatThrownBy(process::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(process.isAlive()).isFalse();
    }
}
