package com.apexshare.upload.s3notification.sqs;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.apexshare.platform.aws.AwsClients;
import com.apexshare.upload.UploadProperties;
import com.apexshare.upload.s3notification.MalformedS3EventMessage;
import com.apexshare.upload.s3notification.S3EventMessages;
import com.apexshare.upload.s3notification.S3NotificationBridge;
import com.apexshare.upload.s3notification.UnreadableNotifications;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The AWS source of S3 notifications: long-polls the SQS queue S3 (or SNS) sends to, hands each body to the same
 * bridge as the Kafka source, and deletes it once handled. A malformed body is copied to the same dead-letter topic
 * as on Kafka and deleted; any other failure leaves the message for SQS to redeliver after its visibility timeout
 * (the queue's redrive policy moves it to the queue's own DLQ eventually). On only when a queue URL is configured.
 */
@Component
@ConditionalOnExpression("!'${apexshare.upload.notifications.sqs.queue-url:}'.isBlank()")
class SqsNotificationPoller implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SqsNotificationPoller.class);

    private final S3NotificationBridge bridge;
    private final UnreadableNotifications unreadable;
    private final UploadProperties.Notifications.Sqs sqs;
    private final SqsClient client;
    private volatile boolean running;
    private Thread thread;

    SqsNotificationPoller(S3NotificationBridge bridge, UnreadableNotifications unreadable,
            UploadProperties properties) {
        this.bridge = bridge;
        this.unreadable = unreadable;
        this.sqs = properties.notifications().sqs();
        // The region and credentials of the bucket's account; S3's endpoint override is not SQS's.
        this.client = AwsClients.configure(SqsClient.builder(), properties.s3().awsSettings()).build();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::pollLoop, "s3-notifications-sqs");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        client.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void pollLoop() {
        while (running) {
            try {
                List<Message> messages = client.receiveMessage(r -> r.queueUrl(sqs.queueUrl())
                        .maxNumberOfMessages(Math.min(10, Math.max(1, sqs.maxMessages())))
                        .waitTimeSeconds((int) Math.min(20, sqs.waitTime().toSeconds()))).messages();
                for (Message message : messages) {
                    handle(message);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Receiving S3 notifications from SQS failed; retrying: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private void handle(Message message) {
        try {
            bridge.objectsCreated(S3EventMessages.parse(message.body()));
        } catch (MalformedS3EventMessage e) {
            LOG.warn("Malformed S3 notification {} from SQS; kept on the dead-letter topic: {}", message.messageId(),
                    e.getMessage());
            try {
                unreadable.keep(message.messageId(), message.body());
            } catch (RuntimeException dltFailure) {
                LOG.error("Cannot dead-letter SQS message {}; leaving it on the queue", message.messageId(), dltFailure);
                return;
            }
        } catch (RuntimeException e) {
            LOG.warn("S3 notification {} from SQS failed; SQS will redeliver it: {}", message.messageId(), e.toString());
            return;
        }
        client.deleteMessage(r -> r.queueUrl(sqs.queueUrl()).receiptHandle(message.receiptHandle()));
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
