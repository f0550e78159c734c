package com.apexshare.cli.signin;

/** {@code apexshare login} ended without tokens: denied, the code expired, nobody came back, a wrong state. */
final class SignInNotCompleted extends RuntimeException {

    SignInNotCompleted(String message) {
        super(message, null, false, false);
    }
}
