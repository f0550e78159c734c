package com.apexshare.identity.client;

import java.time.Duration;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import com.apexshare.identity.IdentityProperties;

/** The registered clients, the issuer, and in-memory authorizations: nothing but the signing key is kept. */
@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    static final String OFFLINE_ACCESS = "offline_access";

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IdentityProperties properties, PasswordEncoder passwords) {
        return new InMemoryRegisteredClientRepository(gateway(properties, passwords), cli(properties));
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService() {
        return new ConsentAskedEveryTime();
    }

    private static RegisteredClient gateway(IdentityProperties properties, PasswordEncoder passwords) {
        IdentityProperties.Gateway gateway = properties.gateway();
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(gateway.clientId().getBytes()).toString())
                .clientId(gateway.clientId())
                .clientName("ApexShare")
                .clientSecret(passwords.encode(gateway.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(gateway.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(gateway.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens(properties.accessTokenLifetime(), gateway.refreshTokenLifetime()).build())
                .build();
    }

    private static RegisteredClient cli(IdentityProperties properties) {
        IdentityProperties.Cli cli = properties.cli();
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(cli.clientId().getBytes()).toString())
                .clientId(cli.clientId())
                .clientName("ApexShare command line")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(cli.redirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL).scope(OFFLINE_ACCESS)
                // A device code can be phished (RFC 8628, section 5.4): the trainer approves each sign-in.
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true)
                        .build())
                .tokenSettings(tokens(properties.accessTokenLifetime(), cli.refreshTokenLifetime())
                        .deviceCodeTimeToLive(cli.deviceCodeLifetime()).build())
                .build();
    }

    private static TokenSettings.Builder tokens(Duration accessTokenLifetime, Duration refreshTokenLifetime) {
        // Rotation: a refresh token works once, so a stolen one is useless after its owner's next refresh.
        return TokenSettings.builder().accessTokenTimeToLive(accessTokenLifetime)
                .refreshTokenTimeToLive(refreshTokenLifetime).reuseRefreshTokens(false);
    }
}
