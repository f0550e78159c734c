package com.apexshare.notification.email.sns;

/** The body is not an SNS message: not JSON, a field missing, an unknown type. Answers 400. */
public class MalformedSnsMessage extends RuntimeException {

    public MalformedSnsMessage(String reason) {
        super("Not an SNS message: " + reason);
    }
}
