package com.apexshare.identity.mfa;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.authentication.ott.InMemoryOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;

import com.apexshare.identity.IdentityProperties;
import com.apexshare.identity.trainer.Trainers;

/**
 * Switched on by {@code apexshare.identity.mfa.enabled}. {@link EnableMultiFactorAuthentication} without authorities
 * makes a second sign-in of the same trainer add its factor to the first instead of replacing it; which pages need
 * both factors is the filter chains' business ({@code SecurityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("apexshare.identity.mfa.enabled")
@EnableMultiFactorAuthentication(authorities = {})
class MfaConfiguration {

    @Bean
    OneTimeTokenService oneTimeTokenService() {
        return new InMemoryOneTimeTokenService();
    }

    @Bean
    EmailedCodes emailedCodes(JavaMailSender mail, Trainers trainers, IdentityProperties properties) {
        return new EmailedCodes(mail, trainers, properties);
    }

    @Bean
    SecondFactorRequests secondFactorRequests(IdentityProperties properties) {
        return new SecondFactorRequests(properties.mfa().codeLifetime());
    }
}
