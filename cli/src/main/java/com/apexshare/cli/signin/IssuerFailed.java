package com.apexshare.cli.signin;

/**
 * The issuer could not be asked or did not answer as an OpenID Connect / OAuth 2.0 issuer does: unreachable, not one,
 * failing. The message names the issuer and what to check; it never holds a token or the body of a token answer.
 */
final class IssuerFailed extends RuntimeException {

    IssuerFailed(String message) {
        super(message, null, false, false);
    }
}
