package com.apexshare.cli.api;

/**
 * The stored sign-in needed a fresh access token but the issuer could not be asked (unreachable, failing, an answer
 * that is not OAuth): the sign-in itself may still be good, so this is an ordinary failed call.
 */
public final class TokenNotRenewed extends ApiException {

    public TokenNotRenewed(String message) {
        super(message, null);
    }

    @Override
    public String describe() {
        return getMessage();
    }
}
