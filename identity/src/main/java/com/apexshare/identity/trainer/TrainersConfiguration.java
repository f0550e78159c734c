package com.apexshare.identity.trainer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.apexshare.identity.IdentityProperties;

@Configuration(proxyBeanMethods = false)
class TrainersConfiguration {

    /** bcrypt for new hashes; reads every format Spring Security knows by its {@code {id}} prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ConfiguredTrainers trainers(IdentityProperties properties, PasswordEncoder passwordEncoder) {
        return new ConfiguredTrainers(properties.users(), passwordEncoder);
    }
}
