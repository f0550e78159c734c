package com.apexshare.notification.email.sns;

/**
 * The message comes from an SNS topic that is not configured ({@code SES_EVENTS_TOPIC_ARNS}): anyone can create a
 * topic and have SNS sign for it, so only our topics count. Answers 403.
 */
public class SnsTopicNotAllowed extends RuntimeException {

    public SnsTopicNotAllowed(String topicArn) {
        super("Messages from SNS topic " + topicArn + " are not accepted here");
    }
}
