package com.apexshare.deploy.aws.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.apexshare.deploy.aws.Cfn;
import com.apexshare.deploy.aws.Cfn.Statement;
import com.apexshare.deploy.aws.Synth;
import com.apexshare.deploy.aws.config.StageConfig;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** SES: the domain identity with DKIM, and the configuration set publishing delivery events to SNS. */
class EmailStackTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldVerifyTheDomainWithEasyDkimAndUseTheConfigurationSetByDefault(String stage) {
        // Given the stage's email stack
        StageConfig config = Synth.config(stage);
        Template email = Synth.stage(stage).email();
        String setId = Cfn.only(email, "AWS::SES::ConfigurationSet").getKey();

        // Then the domain is an identity signing with 2048-bit Easy DKIM, its default configuration set the stack's
        email.hasResourceProperties("AWS::SES::EmailIdentity", Map.of(
                "EmailIdentity", config.email().domain(),
                "DkimAttributes", Map.of("SigningEnabled", true),
                "DkimSigningAttributes", Map.of("NextSigningKeyLength", "RSA_2048_BIT"),
                "ConfigurationSetAttributes", Map.of("ConfigurationSetName", Map.of("Ref", setId))));
        email.hasResourceProperties("AWS::SES::ConfigurationSet", Map.of(
                "Name", config.email().configurationSetName(),
                "SuppressionOptions", Map.of("SuppressedReasons", List.of("BOUNCE", "COMPLAINT")),
                "DeliveryOptions", Map.of("TlsPolicy", "REQUIRE")));
        // And without a hosted zone, the DKIM records are outputs for the DNS operator
        for (int i = 1; i <= 3; i++) {
            email.hasOutput("DkimRecord" + i, Map.of("Value", Match.anyValue()));
        }
        assertThat(Cfn.resources(email, "AWS::Route53::RecordSet")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldPublishDeliveryBounceComplaintRejectAndDelayToTheEncryptedTopic(String stage) {
        // Given the stage's email stack
        Template email = Synth.stage(stage).email();
        String topicId = Cfn.only(email, "AWS::SNS::Topic").getKey();
        String setId = Cfn.only(email, "AWS::SES::ConfigurationSet").getKey();

        // When reading the configuration set's event destination
        Map<String, Object> destination = Cfn.properties(
                Cfn.only(email, "AWS::SES::ConfigurationSetEventDestination").getValue());

        // Then exactly these five events go to the topic
        assertThat(destination.get("ConfigurationSetName")).isEqualTo(Map.of("Ref", setId));
        assertThat(Cfn.at(destination, "EventDestination.Enabled")).isEqualTo(true);
        assertThat(Cfn.at(destination, "EventDestination.SnsDestination.TopicARN")).isEqualTo(Map.of("Ref", topicId));
        assertThat(Cfn.texts(Cfn.at(destination, "EventDestination.MatchingEventTypes")))
                .containsExactlyInAnyOrder("delivery", "bounce", "complaint", "reject", "deliveryDelay");
        // And the topic is encrypted with the stack's key
        String keyId = Cfn.only(email, "AWS::KMS::Key").getKey();
        email.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(keyId, "Arn"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldLetSesPublishOnlyForTheConfigurationSetOfThisAccount(String stage) {
        // Given the topic's policy
        StageConfig config = Synth.config(stage);
        Template email = Synth.stage(stage).email();
        List<Statement> statements = Cfn.statements(Cfn.at(
                Cfn.properties(Cfn.only(email, "AWS::SNS::TopicPolicy").getValue()), "PolicyDocument"));

        // Then SES may publish, for the configuration set of this account only
        Statement publish = Cfn.statement(statements, "SesPublishesEventsOfTheConfigurationSet");
        assertThat(publish.principals()).isEqualTo(Map.of("Service", Set.of("ses.amazonaws.com")));
        assertThat(publish.actions()).containsExactly("sns:Publish");
        assertThat(publish.conditions()).isEqualTo(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", Set.of(Synth.ACCOUNT)),
                "ArnLike", Map.of("aws:SourceArn", Set.of("arn:aws:ses:" + config.region() + ":" + Synth.ACCOUNT
                        + ":configuration-set/" + config.email().configurationSetName()))));
    }

    @Test
    void shouldSubscribeTheConfiguredAddressesToTheEvents() {
        // Given prod, which names an operator address
        Template email = Synth.stage("prod").email();

        // Then each configured address is an email subscription of the topic
        assertThat(Cfn.resources(email, "AWS::SNS::Subscription").values().stream()
                .map(s -> Cfn.properties(s).get("Endpoint")).toList())
                .containsExactlyInAnyOrderElementsOf(Synth.config("prod").email().eventEmailSubscribers());
        email.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email"));
        assertThat(Cfn.resources(Synth.stage("dev").email(), "AWS::SNS::Subscription")).isEmpty();
    }

    @Test
    void shouldCreateTheDkimRecordsInTheHostedZoneWhenOneIsConfigured() {
        // Given staging with the domain's Route 53 zone in its configuration
        Synth withZone = Synth.variant("staging", c -> new StageConfig(c.stage(), c.account(), c.region(),
                c.namePrefix(), c.retentionDays(), c.tags(), c.storage(),
                new StageConfig.Email(c.email().domain(), c.email().fromAddress(), c.email().configurationSetName(),
                        new StageConfig.HostedZone("Z0123456789EXAMPLE", c.email().domain()),
                        c.email().eventEmailSubscribers()),
                c.cluster(), c.cdn(), c.audit()));

        // When synthesizing its email stack
        Template email = withZone.email();

        // Then the three DKIM CNAMEs are created in that zone instead of being outputs
        assertThat(Cfn.resources(email, "AWS::Route53::RecordSet")).hasSize(3)
                .allSatisfy((id, r) -> assertThat(Cfn.properties(r))
                        .containsEntry("Type", "CNAME")
                        .containsEntry("HostedZoneId", "Z0123456789EXAMPLE"));
        assertThat(Cfn.outputs(email)).doesNotContainKeys("DkimRecord1", "DkimRecord2", "DkimRecord3");
    }
}
