package com.apexshare.download.link;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the student page's counting per visit from the link service and its port. */
@Configuration(proxyBeanMethods = false)
class VisitConfiguration {

    @Bean
    PageVisits pageVisits(DownloadLinks links, VisitLog visits) {
        return new PageVisits(links, visits);
    }
}
