package com.apexshare.download;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the module's Spring integration tests: one configuration, so Spring's context cache starts the application
 * once per JVM for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DownloadServiceTestSupport extends DownloadServiceHttp {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        servers(registry, "download");
    }
}
