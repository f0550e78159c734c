package com.apexshare.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;

import com.apexshare.platform.PlatformProperties;
import com.apexshare.platform.web.ApiErrorMapping;
import com.apexshare.platform.web.ErrorBodyWriter;

/**
 * The resource-server set-up of every trainer-facing service. The decoder fetches keys from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (lazily: the service starts while the issuer is
 * away), accepts RS256 only, and checks expiry, issuer and audience. Every request needs a trainer's token except
 * probes, metrics, the API description and the service's own {@code apexshare.platform.security.public-paths}. A
 * service that needs something else declares its own {@link SecurityFilterChain}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration"},
        afterName = "com.apexshare.platform.web.WebAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({JwtDecoder.class, HttpSecurity.class})
@EnableConfigurationProperties({PlatformProperties.class, OAuth2ResourceServerProperties.class})
public class SecurityAutoConfiguration {

    /** Paths every service leaves open: probes, metrics, the API description and the error page. */
    public static final List<String> OPEN_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/error");

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, PlatformProperties platform) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        if (jwt.getJwkSetUri() == null || jwt.getJwkSetUri().isBlank()) {
            throw new IllegalStateException(
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri (OIDC_JWK_SET_URI) must be set");
        }
        if (jwt.getIssuerUri() == null || jwt.getIssuerUri().isBlank()) {
            throw new IllegalStateException(
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri (OIDC_ISSUER_URI) must be set");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()));
        validators.add(new AudienceValidator(new LinkedHashSet<>(jwt.getAudiences()),
                platform.security().audienceClaims()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain trainerApiSecurity(HttpSecurity http, PlatformProperties platform, ErrorBodyWriter errors)
            throws Exception {
        PlatformProperties.Security security = platform.security();
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(
                new TrainerAuthorities(security.trainerClaim(), security.trainerValue()));
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
        List<String> open = new ArrayList<>(OPEN_PATHS);
        open.addAll(security.publicPaths());
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().hasAuthority(TrainerAuthorities.TRAINER))
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint((request, response, e) -> {
                            // Sets WWW-Authenticate with the OAuth error; the body is ours.
                            bearer.commence(request, response, e);
                            errors.write(response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                                    "A valid bearer token is required");
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            denied.handle(request, response, e);
                            errors.write(response, HttpStatus.FORBIDDEN, "FORBIDDEN",
                                    "This endpoint is for trainers; the token does not carry the trainer role");
                        }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless bearer-token API: no cookies, so no CSRF exposure.
                .csrf(c -> c.disable());
        return http.build();
    }

    /** Denials raised inside a controller (method security) answer like the filter chain's. */
    @Bean
    ApiErrorMapping<AccessDeniedException> accessDeniedMapping() {
        return ApiErrorMapping.of(AccessDeniedException.class, HttpStatus.FORBIDDEN, "FORBIDDEN",
                "This token may not use this endpoint");
    }

    @Bean
    ApiErrorMapping<AuthenticationException> authenticationMapping() {
        return ApiErrorMapping.of(AuthenticationException.class, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                "A valid bearer token is required");
    }
}
