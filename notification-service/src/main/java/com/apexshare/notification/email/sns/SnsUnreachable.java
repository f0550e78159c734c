package com.apexshare.notification.email.sns;

/**
 * SNS could not be reached to fetch the signing certificate or to confirm the subscription. Answers 503, so that SNS
 * delivers the message again later.
 */
public class SnsUnreachable extends RuntimeException {

    public SnsUnreachable(String what, Throwable cause) {
        super("SNS could not be reached to " + what + "; try again", cause);
    }
}
