package com.apexshare.identity.token;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

import com.apexshare.identity.IdentityProperties;
import com.apexshare.identity.client.RefreshTokens;
import com.apexshare.identity.trainer.Trainers;

/** JWT access and ID tokens signed with the provider's key (RS256), opaque rotating refresh tokens. */
@Configuration(proxyBeanMethods = false)
class TokensConfiguration {

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> trainerClaims(Trainers trainers, IdentityProperties properties) {
        return new TrainerClaims(trainers, properties.apiAudience());
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder jwtEncoder, OAuth2TokenCustomizer<JwtEncodingContext> claims) {
        JwtGenerator jwt = new JwtGenerator(jwtEncoder);
        jwt.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwt, new RefreshTokens(Clock.systemUTC()));
    }
}
