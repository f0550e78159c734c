package com.apexshare.download.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Benchmark-only: times each link request inside the servlet container (first filter in, last filter out), so the
 * report can tell the service's own time from queueing in the load generator, the network stack and the CPU run queue.
 */
@Configuration(proxyBeanMethods = false)
class ServerTiming {

    static final ConcurrentHistogram MICROS = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> serverTimingFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                long start = System.nanoTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    MICROS.recordValue((System.nanoTime() - start) / 1000);
                }
            }
        });
        registration.addUrlPatterns("/d/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE - 1);
        return registration;
    }
}
