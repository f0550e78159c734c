package com.apexshare.notification.email.sns;

/**
 * The message is not provably from SNS: its signature does not verify, its signature version is unknown, or its
 * certificate (or subscribe) URL is not an SNS one. Answers 403; the message is not acted on.
 */
public class SnsSignatureInvalid extends RuntimeException {

    public SnsSignatureInvalid(String reason) {
        super("The SNS message was not accepted: " + reason);
    }
}
