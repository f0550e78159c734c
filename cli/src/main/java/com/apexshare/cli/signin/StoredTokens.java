package com.apexshare.cli.signin;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.apexshare.cli.api.AccessTokens;
import com.apexshare.cli.api.ApiRefused;
import com.apexshare.cli.api.SignInRequired;
import com.apexshare.cli.api.TokenNotRenewed;

/**
 * The access token of the stored sign-in, renewed with its refresh token before any call when it expires within 60 s
 * (or half its lifetime, if shorter), and once more when the API answers 401. The rotated refresh token is stored at
 * once. Renewals happen under the store's lock and read the file first: another {@code apexshare} that renewed meanwhile
 * spent the refresh token, and its fresh tokens are taken instead of failing.
 */
final class StoredTokens implements AccessTokens {

    /** OAuth errors that mean the refresh token (or the client) is no good any more: only a new sign-in helps. */
    private static final Set<String> SIGN_IN_OVER = Set.of("invalid_grant", "invalid_client", "unauthorized_client",
            "invalid_scope");

    private final CredentialStore store;
    private final HttpClient http;
    private final Clock clock;
    private StoredSignIn signIn;
    private IssuerClient issuer;

    StoredTokens(CredentialStore store, StoredSignIn signIn, HttpClient http, Clock clock) {
        this.store = store;
        this.signIn = signIn;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized String current() {
        if (signIn.dueForRenewal(clock.instant())) {
            renew(signIn.accessToken());
        }
        return signIn.accessToken();
    }

    @Override
    public synchronized String renewed(String refused) {
        if (!Objects.equals(refused, signIn.accessToken())) {
            // Another thread renewed it after this call sent the old one.
            return signIn.accessToken();
        }
        renew(refused);
        return signIn.accessToken();
    }

    @Override
    public RuntimeException refusal(ApiRefused refused) {
        return new SignInRequired("ApexShare at " + signIn.apiUrl() + " refuses the token of your sign-in at "
                + signIn.issuer() + " (HTTP 401): run apexshare login (with the --issuer ApexShare trusts)");
    }

    private void renew(String stale) {
        signIn = store.locked(() -> {
            StoredSignIn latest = store.find(signIn.apiUrl()).orElseThrow(() -> new SignInRequired(
                    "you signed out of " + signIn.apiUrl() + " meanwhile: run apexshare login"));
            if (!Objects.equals(latest.accessToken(), stale) && !latest.dueForRenewal(clock.instant())) {
                return latest;
            }
            if (latest.refreshToken() == null) {
                if (!latest.expired(clock.instant())) {
                    return latest;
                }
                throw new SignInRequired("your sign-in at " + latest.issuer() + " has expired (the issuer gave no "
                        + "refresh token): run apexshare login");
            }
            TokenGrant grant;
            try {
                grant = issuer(latest).token(Map.of("grant_type", "refresh_token", "refresh_token",
                        latest.refreshToken(), "client_id", latest.clientId()));
            } catch (TokenRequestRefused e) {
                if (SIGN_IN_OVER.contains(e.error())) {
                    throw new SignInRequired("your sign-in at " + latest.issuer()
                            + " has expired or was revoked (" + e.error() + "): run apexshare login");
                }
                throw new TokenNotRenewed("the issuer " + latest.issuer() + " did not renew your sign-in: "
                        + e.describe());
            } catch (IssuerFailed e) {
                throw new TokenNotRenewed("your sign-in needs a fresh token but " + e.getMessage());
            }
            StoredSignIn renewed = latest.renewed(grant, clock.instant());
            store.save(renewed);
            return renewed;
        });
    }

    private IssuerClient issuer(StoredSignIn latest) {
        if (issuer == null || !issuer.metadata().issuer().equals(latest.issuer())) {
            issuer = IssuerClient.discover(latest.issuer(), http);
        }
        return issuer;
    }

    /** Renews now if it is due; for {@code whoami}, which shows the token the next call would send. */
    synchronized StoredSignIn fresh() {
        current();
        return signIn;
    }
}
