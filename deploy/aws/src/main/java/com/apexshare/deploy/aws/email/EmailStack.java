package com.apexshare.deploy.aws.email;

import java.util.List;
import java.util.Map;

import com.apexshare.deploy.aws.Names;
import com.apexshare.deploy.aws.Outputs;
import com.apexshare.deploy.aws.config.StageConfig;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.route53.PublicHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZoneAttributes;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetEventDestinationOptions;
import software.amazon.awscdk.services.ses.ConfigurationSetTlsPolicy;
import software.amazon.awscdk.services.ses.DkimIdentity;
import software.amazon.awscdk.services.ses.EasyDkimSigningKeyLength;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.EmailSendingEvent;
import software.amazon.awscdk.services.ses.EventDestination;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.services.ses.SuppressionReasons;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * SES for notification-service: the sending domain with Easy DKIM, and the configuration set
 * ({@code SES_CONFIGURATION_SET}) that publishes delivery, bounce, complaint, reject and delay events to an SNS topic
 * (docs/operations.md, "SES bounces and complaints"). The identity uses the set by default, so its events are
 * published even for a send that names no set. Leaving the SES sandbox (production access) is an account request,
 * not a resource: see the README.
 */
public class EmailStack extends Stack {

    static final List<EmailSendingEvent> PUBLISHED_EVENTS = List.of(EmailSendingEvent.DELIVERY,
            EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT,
            EmailSendingEvent.DELIVERY_DELAY);

    private final EmailIdentity identity;
    private final ConfigurationSet configurationSet;
    private final Topic events;

    public EmailStack(Construct scope, String id, StackProps props, StageConfig config) {
        super(scope, id, props);
        StageConfig.Email email = config.email();

        // Bounce and complaint events carry students' addresses: encrypted at rest with a key SES may use.
        Key topicKey = Key.Builder.create(this, "EmailEventsKey")
                .alias("alias/" + config.namePrefix() + "-email-events")
                .description("Encrypts ApexShare's SES event topic (" + config.stage() + ")")
                .enableKeyRotation(true)
                .build();
        String configurationSetArn = Names.sesConfigurationSetArn(this, getRegion(), email.configurationSetName());
        topicKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("SesPublishesEncryptedEvents")
                .principals(List.of(new ServicePrincipal("ses.amazonaws.com")))
                .actions(List.of("kms:GenerateDataKey*", "kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", getAccount())))
                .build());
        events = Topic.Builder.create(this, "EmailEvents")
                .topicName(config.namePrefix() + "-email-events")
                .displayName("ApexShare " + config.stage() + " email events")
                .masterKey(topicKey)
                .enforceSsl(true)
                .build();
        events.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("SesPublishesEventsOfTheConfigurationSet")
                .principals(List.of(new ServicePrincipal("ses.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(events.getTopicArn()))
                .conditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", configurationSetArn)))
                .build());
        for (String subscriber : email.eventEmailSubscribers()) {
            events.addSubscription(new EmailSubscription(subscriber));
        }

        configurationSet = ConfigurationSet.Builder.create(this, "ConfigurationSet")
                .configurationSetName(email.configurationSetName())
                .sendingEnabled(true)
                .reputationMetrics(true)
                // Addresses that bounced or complained are not tried again (the account's reputation).
                .suppressionReasons(SuppressionReasons.BOUNCES_AND_COMPLAINTS)
                .tlsPolicy(ConfigurationSetTlsPolicy.REQUIRE)
                .build();
        configurationSet.addEventDestination("ToSns", ConfigurationSetEventDestinationOptions.builder()
                .configurationSetEventDestinationName("sns")
                .destination(EventDestination.snsTopic(events))
                .events(PUBLISHED_EVENTS)
                .build());

        Identity domain = email.hostedZone() == null
                ? Identity.domain(email.domain())
                : Identity.publicHostedZone(PublicHostedZone.fromPublicHostedZoneAttributes(this, "Zone",
                        PublicHostedZoneAttributes.builder()
                                .hostedZoneId(email.hostedZone().id())
                                .zoneName(email.hostedZone().name())
                                .build()));
        identity = EmailIdentity.Builder.create(this, "Identity")
                .identity(domain)
                .dkimSigning(true)
                .dkimIdentity(DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT))
                .configurationSet(configurationSet)
                .feedbackForwarding(false)
                .build();

        output(Outputs.EMAIL_IDENTITY, email.domain(), "The verified sending domain");
        output(Outputs.FROM_ADDRESS, email.fromAddress(), "notification-service's MAIL_FROM_ADDRESS");
        output(Outputs.CONFIGURATION_SET_NAME, email.configurationSetName(), "notification-service's SES_CONFIGURATION_SET");
        output(Outputs.SES_REGION, getRegion(), "notification-service's SES_REGION");
        output(Outputs.EMAIL_EVENTS_TOPIC_ARN, events.getTopicArn(), "Delivery, bounce, complaint, reject and delay events");
        if (email.hostedZone() == null) {
            output(Outputs.DKIM_RECORD + 1, identity.getDkimDnsTokenName1() + " CNAME " + identity.getDkimDnsTokenValue1(),
                    "Add to the domain's DNS: the identity is verified once the three DKIM records resolve");
            output(Outputs.DKIM_RECORD + 2, identity.getDkimDnsTokenName2() + " CNAME " + identity.getDkimDnsTokenValue2(),
                    "DKIM record 2 of 3");
            output(Outputs.DKIM_RECORD + 3, identity.getDkimDnsTokenName3() + " CNAME " + identity.getDkimDnsTokenValue3(),
                    "DKIM record 3 of 3");
        }
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public EmailIdentity identity() {
        return identity;
    }

    public ConfigurationSet configurationSet() {
        return configurationSet;
    }

    public Topic events() {
        return events;
    }
}
