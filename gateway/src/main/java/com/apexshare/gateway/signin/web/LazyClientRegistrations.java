package com.apexshare.gateway.signin.web;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The OIDC client registration, resolved from the issuer's discovery document on first use rather than at start-up,
 * and again on the next use while the issuer cannot be reached. The gateway thus starts (and routes API clients and
 * student links) while the identity provider is still starting or away; only sign-in waits for it.
 */
final class LazyClientRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    private final Supplier<Map<String, ClientRegistration>> discovery;
    private volatile Map<String, ClientRegistration> registrations;

    LazyClientRegistrations(OAuth2ClientProperties properties) {
        this(() -> new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
    }

    LazyClientRegistrations(Supplier<Map<String, ClientRegistration>> discovery) {
        this.discovery = discovery;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return resolved().get(registrationId);
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        return resolved().values().iterator();
    }

    private Map<String, ClientRegistration> resolved() {
        Map<String, ClientRegistration> current = registrations;
        if (current == null) {
            synchronized (this) {
                current = registrations;
                if (current == null) {
                    current = Map.copyOf(discovery.get());
                    registrations = current;
                }
            }
        }
        return current;
    }
}
