package com.apexshare.gateway.signin.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.gateway.GatewayProperties;
import com.apexshare.platform.web.ErrorResponse;

/**
 * {@code GET /login}: starts sign-in at the issuer (the same as {@code /oauth2/authorization/<registration>}), or
 * answers 503 with the error body while the issuer's discovery document cannot be read.
 */
@RestController
class LoginController {

    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);

    private final URI authorization;
    private final String registrationId;
    private final ClientRegistrationRepository registrations;

    LoginController(GatewayProperties properties, ClientRegistrationRepository registrations) {
        this.registrationId = properties.signin().registrationId();
        this.authorization = URI.create("/oauth2/authorization/" + registrationId);
        this.registrations = registrations;
    }

    @GetMapping("/login")
    ResponseEntity<?> login() {
        try {
            if (registrations.findByRegistrationId(registrationId) == null) {
                throw new IllegalStateException("No client registration " + registrationId);
            }
        } catch (RuntimeException e) {
            LOG.warn("Sign-in unavailable: the issuer cannot be reached or is misconfigured ({})", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                    .body(ErrorResponse.of(503, "SIGN_IN_UNAVAILABLE", "Sign-in is unavailable; try again shortly"));
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(authorization).build();
    }
}
