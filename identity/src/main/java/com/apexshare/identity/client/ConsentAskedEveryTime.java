package com.apexshare.identity.client;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/**
 * Remembers no consent, so a client that requires consent (the CLI) asks the trainer at every sign-in: a device code
 * someone else started must never be approved silently because the trainer once approved their own.
 */
final class ConsentAskedEveryTime implements OAuth2AuthorizationConsentService {

    @Override
    public void save(OAuth2AuthorizationConsent authorizationConsent) {
        // nothing kept, by design
    }

    @Override
    public void remove(OAuth2AuthorizationConsent authorizationConsent) {
        // nothing kept, by design
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return null;
    }
}
