package com.apexshare.notification.email.web;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.notification.email.DeliveryReport;
import com.apexshare.notification.email.DeliveryReports;
import com.apexshare.notification.email.sns.SesEvents;
import com.apexshare.notification.email.sns.SnsMessage;
import com.apexshare.notification.email.sns.SnsSubscriptions;
import com.apexshare.notification.email.sns.SnsVerifier;
import com.apexshare.platform.web.ErrorResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTPS endpoint of the SNS topic the SES configuration set publishes its events to. No token (SNS has none to
 * send): every message must carry a valid SNS signature from a configured topic, or it is refused before anything
 * is read from it. SNS posts {@code text/plain}, so the body is taken as text whatever its content type.
 */
@RestController
@RequestMapping("/api/v1/delivery-events")
@Tag(name = "delivery events", description = "Delivery, bounce and complaint events from the mail provider")
class SesEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SesEventsController.class);

    /** What the endpoint did with a message. */
    record Received(String type, String outcome) {
    }

    private final SnsVerifier verifier;
    private final SnsSubscriptions subscriptions;
    private final DeliveryReports reports;
    private final JsonMapper json;

    SesEventsController(SnsVerifier verifier, SnsSubscriptions subscriptions, DeliveryReports reports,
            JsonMapper json) {
        this.verifier = verifier;
        this.subscriptions = subscriptions;
        this.reports = reports;
        this.json = json;
    }

    @PostMapping(path = "/ses", consumes = "*/*")
    @Operation(summary = "SNS messages carrying SES events (the subscription endpoint of the SES event topic)",
            description = "Called by Amazon SNS only. The message's signature (SignatureVersion 1 or 2), its signing "
                    + "certificate's host and its topic are checked; a SubscriptionConfirmation is confirmed; a "
                    + "Notification's SES event (Delivery, Bounce, Complaint, Reject, DeliveryDelay) moves the "
                    + "delivery state of the email it names. Other SES event types are accepted and ignored.")
    @ApiResponse(responseCode = "200", description = "Accepted: outcome APPLIED, UNCHANGED, NO_MATCH, IGNORED, "
            + "CONFIRMED or UNSUBSCRIBED")
    @ApiResponse(responseCode = "400", description = "SNS_MESSAGE_MALFORMED: not an SNS message or not an SES event",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "403", description = "SNS_SIGNATURE_INVALID (signature, signature version, "
            + "certificate or subscribe URL) or SNS_TOPIC_NOT_ALLOWED (not a configured topic)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "503", description = "SNS_UNREACHABLE: the certificate could not be fetched or the "
            + "subscription not confirmed; SNS retries",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    com.apexshare.platform.web.ApiResponse<Received> receive(@RequestBody(required = false) String body) {
        SnsMessage message = SnsMessage.parse(body, json);
        verifier.verify(message);
        String outcome = switch (message.type()) {
            case SnsMessage.SUBSCRIPTION_CONFIRMATION -> {
                subscriptions.confirm(message);
                yield "CONFIRMED";
            }
            case SnsMessage.UNSUBSCRIBE_CONFIRMATION -> {
                LOG.warn("Our endpoint was unsubscribed from SNS topic {}: SES events stop arriving",
                        message.topicArn());
                yield "UNSUBSCRIBED";
            }
            default -> {
                Optional<DeliveryReport> report = SesEvents.toReport(message.message(), json);
                yield report.map(r -> reports.record(r).name()).orElse("IGNORED");
            }
        };
        return com.apexshare.platform.web.ApiResponse.of(new Received(message.type(), outcome));
    }
}
