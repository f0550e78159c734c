package com.apexshare.cli.api;

/**
 * The API cannot be called as anyone: not signed in, or the stored sign-in can no longer be renewed (refresh token
 * expired or revoked), or the API refuses it even after a renewal. The message says what to run; it never holds a token.
 * Not an {@link ApiException}: no command goes on after it (exit code 3).
 */
public final class SignInRequired extends RuntimeException {

    public SignInRequired(String message) {
        super(message, null, false, false);
    }
}
