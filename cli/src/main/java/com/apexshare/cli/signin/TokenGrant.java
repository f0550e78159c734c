package com.apexshare.cli.signin;

/**
 * A successful token answer (RFC 6749 section 5.1). {@code toString} shows no token.
 *
 * @param expiresIn seconds the access token lives, or null when the issuer did not say
 */
record TokenGrant(String accessToken, String refreshToken, String idToken, Long expiresIn, String scope) {

    @Override
    public String toString() {
        return "TokenGrant[access token, " + (refreshToken == null ? "no" : "a") + " refresh token, "
                + (idToken == null ? "no" : "an") + " ID token, expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
