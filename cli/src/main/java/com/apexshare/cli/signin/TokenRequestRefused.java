package com.apexshare.cli.signin;

/**
 * The issuer answered an OAuth request with an error (RFC 6749 section 5.2, RFC 8628 section 3.5), e.g.
 * {@code authorization_pending}, {@code invalid_grant}.
 */
final class TokenRequestRefused extends RuntimeException {

    private final int status;
    private final String error;
    private final String description;

    TokenRequestRefused(int status, String error, String description) {
        super("HTTP " + status + " " + error + (description == null ? "" : ": " + description), null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** {@code error: description}, for the trainer. */
    String describe() {
        return description == null || description.isBlank() ? error : error + ": " + description;
    }
}
