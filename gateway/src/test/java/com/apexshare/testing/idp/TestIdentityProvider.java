package com.apexshare.testing.idp;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import com.apexshare.devstack.Ports;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * (Outside com.apexshare.gateway so the gateway's component scan never picks it up.)
 * A small but real OpenID provider for the sign-in tests: Spring Authorization Server in a Spring context of its own,
 * on loopback, with one confidential client for the gateway (authorization code with PKCE, refresh tokens), one
 * trainer with a password form, discovery with {@code end_session_endpoint}, and the claims the services expect
 * ({@code aud: apexshare-api}, {@code roles: [trainer]}). Access tokens live 20 s: shorter than the gateway's 30 s
 * refresh margin, so every relayed call renews the token.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "apexshare-gateway";
    public static final String CLIENT_SECRET = "gateway-secret";
    public static final String USER = "trainer-ann";
    public static final String PASSWORD = "ann-password";
    public static final String NAME = "Ann Trainer";
    public static final String EMAIL = "ann@trainers.example";
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(20);

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private TestIdentityProvider(ConfigurableApplicationContext context, String issuer) {
        this.context = context;
        this.issuer = issuer;
    }

    public static TestIdentityProvider start() {
        int port = Ports.free();
        String issuer = "http://127.0.0.1:" + port;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                .properties(Map.of("spring.config.name", "test-identity-provider", "server.port", port,
                        "test.issuer", issuer, "spring.main.banner-mode", "off"))
                .run();
        return new TestIdentityProvider(context, issuer);
    }

    public String issuer() {
        return issuer;
    }

    /** Lets the gateway at this base URI sign in and log out (redirect URIs are matched exactly). */
    public void allowGateway(String gatewayBaseUri) {
        InMemoryRegisteredClientRepository clients = context.getBean(InMemoryRegisteredClientRepository.class);
        RegisteredClient client = clients.findByClientId(CLIENT_ID);
        clients.save(RegisteredClient.from(client)
                .redirectUri(gatewayBaseUri + "/login/oauth2/code/apexshare")
                .postLogoutRedirectUri(gatewayBaseUri + "/")
                .build());
    }

    /** How many tokens the provider issued for refresh-token grants. */
    public int refreshes() {
        return context.getBean(Provider.class).refreshes.get();
    }

    @Override
    public void close() {
        context.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class})
    static class Provider {

        final AtomicInteger refreshes = new AtomicInteger();

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(as -> {
                http.securityMatcher(as.getEndpointsMatcher());
                as.oidc(Customizer.withDefaults());
            });
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD)
                    .roles("TRAINER").build());
        }

        @Bean
        InMemoryRegisteredClientRepository registeredClients() {
            RegisteredClient gateway = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri("http://127.0.0.1:1/login/oauth2/code/apexshare")
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireProofKey(true)
                            .requireAuthorizationConsent(false).build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                            .refreshTokenTimeToLive(Duration.ofHours(1)).reuseRefreshTokens(false).build())
                    .build();
            return new InMemoryRegisteredClientRepository(gateway);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings(
                org.springframework.core.env.Environment environment) {
            return AuthorizationServerSettings.builder().issuer(environment.getProperty("test.issuer")).build();
        }

        @Bean
        JWKSource<SecurityContext> jwkSource() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** For the user-info endpoint, which reads the access token it issued. */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            com.nimbusds.jwt.proc.DefaultJWTProcessor<SecurityContext> processor =
                    new com.nimbusds.jwt.proc.DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new com.nimbusds.jose.proc.JWSVerificationKeySelector<>(
                    com.nimbusds.jose.JWSAlgorithm.RS256, keys));
            return new org.springframework.security.oauth2.jwt.NimbusJwtDecoder(processor);
        }

        /** The claims ApexShare's services and the gateway read, in access and ID tokens. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> apexShareClaims() {
            return context -> {
                if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    context.getClaims().audience(List.of("apexshare-api"));
                    if (AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())) {
                        refreshes.incrementAndGet();
                    }
                }
                if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                        || OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    context.getClaims().claim("roles", List.of("trainer")).claim("name", NAME).claim("email", EMAIL);
                }
            };
        }
    }
}
