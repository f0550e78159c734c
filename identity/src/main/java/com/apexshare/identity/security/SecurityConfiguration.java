package com.apexshare.identity.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.apexshare.identity.IdentityProperties;
import com.apexshare.identity.client.PublicClientAuthentication;
import com.apexshare.identity.mfa.EmailedCodes;
import com.apexshare.identity.mfa.SecondFactorRequests;
import com.apexshare.identity.web.Pages;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * Spring Authorization Server's endpoints (discovery, JWKS, authorize, token, device authorization and
     * verification, userinfo, RP-initiated logout). Where a trainer acts (authorize, device verification) every
     * configured factor is required; the token endpoint authenticates clients, not trainers.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, IdentityProperties properties,
            RegisteredClientRepository clients, AuthorizationServerSettings settings) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(withDefaults())
                    .authorizationEndpoint(authorize -> authorize.consentPage(Pages.CONSENT))
                    .deviceAuthorizationEndpoint(device -> device.verificationUri(Pages.ACTIVATE))
                    .deviceVerificationEndpoint(verification -> verification.consentPage(Pages.CONSENT)
                            .deviceVerificationResponseHandler((request, response, authentication) ->
                                    response.sendRedirect(request.getContextPath() + Pages.ACTIVATED))
                            .errorResponseHandler(backToActivate()))
                    .clientAuthentication(client -> client
                            .authenticationConverter(
                                    PublicClientAuthentication.converter(settings.getDeviceAuthorizationEndpoint()))
                            .authenticationProvider(PublicClientAuthentication.provider(clients)));
        });
        AuthorizationManager<RequestAuthorizationContext> trainer = signedInTrainer(properties);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(settings.getAuthorizationEndpoint(), settings.getDeviceVerificationEndpoint())
                .access(trainer)
                .anyRequest().authenticated());
        // Bearer access tokens for /userinfo.
        http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()));
        http.exceptionHandling(exceptions -> {
            exceptions.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(Pages.LOGIN),
                    new MediaTypeRequestMatcher(MediaType.TEXT_HTML));
            if (properties.mfa().enabled()) {
                exceptions.defaultDeniedHandlerForMissingAuthority(new LoginUrlAuthenticationEntryPoint(Pages.CODE),
                        FactorGrantedAuthority.OTT_AUTHORITY);
            }
        });
        return http.build();
    }

    /** The provider's pages: sign-in, the emailed code, the device's user code, consent, sign-out. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, IdentityProperties properties,
            ObjectProvider<EmailedCodes> emailedCodes, ObjectProvider<SecondFactorRequests> secondFactorRequests)
            throws Exception {
        AuthorizationManager<RequestAuthorizationContext> trainer = signedInTrainer(properties);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(Pages.LOGIN, "/error", "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers(Pages.ACTIVATE, Pages.ACTIVATED, Pages.CONSENT, "/").access(trainer)
                .anyRequest().authenticated());
        http.formLogin(form -> form.loginPage(Pages.LOGIN).permitAll());
        http.logout(logout -> logout.logoutSuccessUrl(Pages.LOGIN + "?logout"));
        http.exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(Pages.LOGIN)));
        if (properties.mfa().enabled()) {
            http.oneTimeTokenLogin(code -> code.loginPage(Pages.CODE)
                    .loginProcessingUrl(Pages.CODE_SUBMIT)
                    .showDefaultSubmitPage(false)
                    .tokenGenerationSuccessHandler(emailedCodes.getObject())
                    .generateRequestResolver(secondFactorRequests.getObject()));
        }
        return http.build();
    }

    /** Signed in with every configured factor: the password, and the emailed code when the second factor is on. */
    private static AuthorizationManager<RequestAuthorizationContext> signedInTrainer(IdentityProperties properties) {
        if (!properties.mfa().enabled()) {
            return AuthenticatedAuthorizationManager.authenticated();
        }
        return AuthorizationManagerFactories.<RequestAuthorizationContext>multiFactor()
                .requireFactors(FactorGrantedAuthority.PASSWORD_AUTHORITY, FactorGrantedAuthority.OTT_AUTHORITY)
                .build().authenticated();
    }

    /** A wrong, expired or denied user code ends on the code page with a message, not in a JSON error. */
    private static AuthenticationFailureHandler backToActivate() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            boolean denied = exception instanceof OAuth2AuthenticationException oauth
                    && OAuth2ErrorCodes.ACCESS_DENIED.equals(oauth.getError().getErrorCode());
            redirect(request, response, Pages.ACTIVATE + "?error=" + (denied ? "denied" : "invalid"));
        };
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        response.sendRedirect(request.getContextPath() + path);
    }
}
