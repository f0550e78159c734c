package com.apexshare.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provider's settings ({@code apexshare.identity.*}); {@code application.yaml} maps each from an environment
 * variable. Credentials have no built-in value: whoever starts the provider supplies them (the local run and devstack
 * do), so a jar started elsewhere without them refuses to start instead of opening with a known password.
 *
 * @param issuer              the {@code iss} of every token and the base of every endpoint
 * @param apiAudience         the {@code aud} of access tokens: what the services check
 * @param accessTokenLifetime how long an access token is valid
 * @param signingKeyFile      the RSA JWK kept across restarts; null for a fresh key at every start
 * @param parentPid           the process whose end stops this provider (devstack's test JVM); null when none
 */
@ConfigurationProperties("apexshare.identity")
public record IdentityProperties(String issuer, @DefaultValue("apexshare-api") String apiAudience,
        @DefaultValue("PT15M") Duration accessTokenLifetime, Path signingKeyFile, Long parentPid,
        @DefaultValue Gateway gateway, @DefaultValue Cli cli, List<User> users, @DefaultValue Mfa mfa) {

    public IdentityProperties {
        require(issuer != null && !issuer.isBlank(), "apexshare.identity.issuer (IDENTITY_ISSUER) is required");
        require(users != null && !users.isEmpty(),
                "apexshare.identity.users needs at least one trainer (the demo trainer: IDENTITY_DEMO_PASSWORD)");
        issuer = issuer.replaceAll("/+$", "");
    }

    /**
     * The gateway: a confidential client signing browser users in (authorization code with PKCE, refresh tokens).
     *
     * @param clientSecret           required: IDENTITY_GATEWAY_CLIENT_SECRET
     * @param redirectUris           exact matches, except that a loopback IP literal may use any port
     * @param postLogoutRedirectUris where RP-initiated logout may send the browser (exact matches)
     */
    public record Gateway(@DefaultValue("apexshare-gateway") String clientId, String clientSecret,
            @DefaultValue({"http://127.0.0.1:8080/login/oauth2/code/apexshare",
                    "http://localhost:8080/login/oauth2/code/apexshare"}) List<String> redirectUris,
            @DefaultValue({"http://127.0.0.1:8080/", "http://localhost:8080/"}) List<String> postLogoutRedirectUris,
            @DefaultValue("PT12H") Duration refreshTokenLifetime) {

        public Gateway {
            require(clientSecret != null && !clientSecret.isBlank(),
                    "apexshare.identity.gateway.client-secret (IDENTITY_GATEWAY_CLIENT_SECRET) is required");
        }
    }

    /**
     * The trainer CLI: a public client (no secret) using the device flow or a loopback redirect with PKCE.
     *
     * @param redirectUris       loopback redirects; the port may vary (RFC 8252 section 7.3)
     * @param deviceCodeLifetime how long a device code and its user code wait for the trainer's approval
     */
    public record Cli(@DefaultValue("apexshare-cli") String clientId,
            @DefaultValue("http://127.0.0.1/callback") List<String> redirectUris,
            @DefaultValue("P30D") Duration refreshTokenLifetime, @DefaultValue("PT10M") Duration deviceCodeLifetime) {
    }

    /**
     * A trainer who may sign in.
     *
     * @param username the sign-in name and the tokens' {@code sub}
     * @param password plain, or already encoded with its {@code {id}} prefix (e.g. {@code {bcrypt}…})
     * @param roles    the tokens' {@code roles} claim
     */
    public record User(String username, String password, String name, String email,
            @DefaultValue("trainer") List<String> roles) {

        public User {
            require(username != null && !username.isBlank(), "apexshare.identity.users[*].username is required");
            require(password != null && !password.isBlank(), "apexshare.identity.users[*].password of " + username
                    + " is required (the demo trainer's: IDENTITY_DEMO_PASSWORD)");
        }
    }

    /**
     * A second factor after the password: a one-time code sent by email to the trainer's address.
     *
     * @param enabled      whether the second factor is required (IDENTITY_MFA)
     * @param codeLifetime how long an emailed code is valid
     * @param mailFrom     the sender of the code emails (the SMTP server is {@code spring.mail.*})
     */
    public record Mfa(@DefaultValue("false") boolean enabled, @DefaultValue("PT5M") Duration codeLifetime,
            @DefaultValue("no-reply@apexshare.local") String mailFrom) {
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
