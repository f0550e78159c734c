package com.apexshare.gateway.signin.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.gateway.GatewayProperties;

/** {@code GET /login}: starts sign-in at the issuer (the same as {@code /oauth2/authorization/<registration>}). */
@RestController
class LoginController {

    private final URI authorization;

    LoginController(GatewayProperties properties) {
        this.authorization = URI.create("/oauth2/authorization/" + properties.signin().registrationId());
    }

    @GetMapping("/login")
    ResponseEntity<Void> login() {
        return ResponseEntity.status(HttpStatus.FOUND).location(authorization).build();
    }
}
