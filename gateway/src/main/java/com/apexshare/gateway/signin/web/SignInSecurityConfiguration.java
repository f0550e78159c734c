package com.apexshare.gateway.signin.web;

import java.time.Duration;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.apexshare.gateway.GatewayProperties;
import com.apexshare.platform.web.ErrorBodyWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what at the gateway. The services authenticate every API call themselves (bearer JWT); the gateway lets
 * an API call through when it carries an {@code Authorization} header or comes from a signed-in browser session, and
 * answers 401 with the error body otherwise (never a redirect: the web app decides). Student links are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class SignInSecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /**
     * The student page's start call needs no CSRF token: the student has no session, the link token in the path is
     * the only credential, and the gateway relays no session or token on the download routes, so a forged request
     * carries no authority its sender does not have already (knowing the token, it could call it itself).
     */
    private static final RequestMatcher STUDENT_START =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/downloads/*/start");

    /**
     * Amazon SNS posting SES's delivery events: not a browser, no session, no token; what authenticates a message is
     * its SNS signature, which notification-service checks before acting on it.
     */
    private static final RequestMatcher SNS_DELIVERY_EVENTS =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/delivery-events/ses");

    @Bean
    BrowserRequests browserRequests(@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        return new BrowserRequests(sessionCookie);
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients, BrowserRequests browsers, ErrorBodyWriter errors,
            GatewayProperties properties, JsonMapper json) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        CookieCsrfTokenRepository csrfCookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookies.setCookieCustomizer(cookie -> cookie.secure(properties.signin().secureCookies()).sameSite("Lax")
                .path("/"));

        AuthorizationManager<RequestAuthorizationContext> sessionOrOwnToken = (authentication, context) ->
                new AuthorizationDecision(BrowserRequests.hasAuthorization(context.getRequest())
                        || authentication.get() instanceof OAuth2AuthenticationToken);

        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/downloads/**", "/api/v1/me").permitAll()
                        .requestMatchers(SNS_DELIVERY_EVENTS).permitAll()
                        .requestMatchers("/api/**").access(sessionOrOwnToken)
                        .anyRequest().permitAll())
                .oauth2Login(login -> login
                        .loginPage("/login")
                        .authorizationEndpoint(e -> e.authorizationRequestResolver(authorizationRequests))
                        .authorizedClientRepository(authorizedClients)
                        .defaultSuccessUrl("/")
                        .failureUrl("/?signin=failed"))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(new LogoutAnswer(registrations, properties.signin().postLogoutPath(),
                                json)))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookies)
                        .csrfTokenRequestHandler(new SpaCsrfTokens(browsers))
                        .requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                                && !browsers.isApiClient(request) && !STUDENT_START.matches(request)
                                && !SNS_DELIVERY_EVENTS.matches(request)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> errors.write(response,
                                HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                                "Sign in (GET /login) or send a bearer token"))
                        .accessDeniedHandler((request, response, ex) -> {
                            if (ex instanceof CsrfException) {
                                errors.write(response, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
                                        "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in "
                                                + "X-XSRF-TOKEN");
                            } else {
                                errors.write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Not allowed");
                            }
                        }))
                // API calls never remember a request to replay after sign-in (and never create a session for it).
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                // The edge filter sets the security headers on every answer, proxied ones included.
                .headers(headers -> headers.disable());
        return http.build();
    }

    @Bean
    LazyClientRegistrations clientRegistrationRepository(OAuth2ClientProperties properties) {
        return new LazyClientRegistrations(properties);
    }

    /** Tokens live in the HTTP session, i.e. in PostgreSQL through Spring Session: every replica sees them. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Renews the access token with the refresh token when it expires within 30 s. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clockSkew(Duration.ofSeconds(30)))
                .build());
        return manager;
    }

    /** Requests Spring Security's firewall refuses (malformed or suspicious URLs) answer with the error body. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ErrorBodyWriter errors) {
        return (request, response, ex) -> errors.write(response, HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                "The request was refused: its URL or headers are malformed");
    }

    @Bean
    TokenRelay tokenRelay() {
        return new TokenRelay();
    }
}
