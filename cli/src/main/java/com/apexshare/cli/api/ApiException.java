package com.apexshare.cli.api;

/** A call to the ApexShare API did not give an answer the client can use. */
public abstract sealed class ApiException extends RuntimeException
        permits ApiRefused, ApiUnreachable, ApiAnswerUnreadable, TokenNotRenewed {

    ApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What to tell the trainer, possibly on several lines. */
    public abstract String describe();
}
