package com.apexshare.catalog.upload;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.catalog.CatalogProperties;
import com.apexshare.events.storage.ObjectLocations;

/** The rule of where videos may be, from the configured bucket. */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    @Bean
    ObjectLocations objectLocations(CatalogProperties properties) {
        return new ObjectLocations(properties.s3().bucket());
    }
}
