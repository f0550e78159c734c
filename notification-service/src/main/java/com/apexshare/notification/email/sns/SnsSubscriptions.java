package com.apexshare.notification.email.sns;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.apexshare.notification.NotificationProperties;

/**
 * Confirms a subscription of our endpoint to one of our topics by visiting its {@code SubscribeURL} (the documented
 * way for HTTP endpoints), after the message's signature and the URL's host were checked like the certificate's.
 */
@Component
public class SnsSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(SnsSubscriptions.class);

    private final SnsVerifier verifier;
    private final Duration timeout;
    private final HttpClient http;

    SnsSubscriptions(SnsVerifier verifier, NotificationProperties properties) {
        this.verifier = verifier;
        this.timeout = properties.deliveryTracking().sesEvents().httpTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @param message a verified {@code SubscriptionConfirmation} */
    public void confirm(SnsMessage message) {
        URI subscribe = verifier.snsUrl("SubscribeURL", message.subscribeUrl());
        HttpResponse<Void> response;
        try {
            response = http.send(HttpRequest.newBuilder(subscribe).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new SnsUnreachable("confirm the subscription", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnsUnreachable("confirm the subscription", e);
        }
        if (response.statusCode() != 200) {
            throw new SnsUnreachable("confirm the subscription (HTTP " + response.statusCode() + ")", null);
        }
        LOG.info("Confirmed the subscription to SNS topic {}", message.topicArn());
    }
}
