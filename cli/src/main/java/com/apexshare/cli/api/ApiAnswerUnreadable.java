package com.apexshare.cli.api;

/** The API (or something in front of it) answered, but not with the JSON the client expects, or the call broke off. */
public final class ApiAnswerUnreadable extends ApiException {

    public ApiAnswerUnreadable(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String describe() {
        return getMessage();
    }
}
