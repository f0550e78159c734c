package com.apexshare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The rules the chart and compose checks apply, on small hand-written configurations. */
class EnvironmentContractTest {

    private static final String YAML = """
            server:
              port: ${PORT:8083}
            spring:
              application:
                name: notification-service
              kafka:
                bootstrap-servers: ${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}
              mail:
                # SMTP transport: ${NOT_READ:commented out}
                host: ${SMTP_HOST:127.0.0.1}
                password: ${SMTP_PASSWORD:}
              datasource:
                url: ${DB_URL:jdbc:postgresql://127.0.0.1:5432/notification}
            management:
              metrics:
                tags:
                  application: ${spring.application.name}
            apexshare:
              notification:
                transport: ${MAIL_TRANSPORT:SMTP}
                sender: ${SENDER}
            """;

    @Test
    void shouldCollectTheEnvironmentVariablesAndTheirDefaults() {
        // Given a configuration with placeholders, a property reference and a comment

        // When it is parsed
        ServiceConfiguration configuration = ServiceConfiguration.parse(YAML);

        // Then every upper-case placeholder outside comments is read, with its default (none for SENDER)
        assertThat(configuration.reads()).containsExactly("PORT", "KAFKA_BOOTSTRAP_SERVERS", "SMTP_HOST",
                "SMTP_PASSWORD", "DB_URL", "MAIL_TRANSPORT", "SENDER");
        assertThat(configuration.defaultOf("KAFKA_BOOTSTRAP_SERVERS")).contains("127.0.0.1:9092");
        assertThat(configuration.defaultOf("SMTP_PASSWORD")).contains("");
        assertThat(configuration.defaultOf("SENDER")).isEmpty();
    }

    @Test
    void shouldRequireVariablesWithoutDefaultOrWithLocalDefaultsAndTheDatabaseCredentials() {
        // Given the configuration and an SMTP deployment
        ServiceConfiguration configuration = ServiceConfiguration.parse(YAML);

        // When the required variables are derived
        Set<String> required = EnvironmentContract.required(Image.NOTIFICATION_SERVICE, configuration,
                Map.of("MAIL_TRANSPORT", "SMTP"));

        // Then they are Kafka, the local-machine defaults, the variable without default and the database login
        assertThat(required).containsExactlyInAnyOrder("KAFKA_BOOTSTRAP_SERVERS", "SMTP_HOST", "DB_URL", "SENDER",
                "DB_USERNAME", "DB_PASSWORD");
    }

    @Test
    void shouldNotRequireTheSmtpRelayWhenMailGoesThroughSes() {
        // Given an SES deployment
        ServiceConfiguration configuration = ServiceConfiguration.parse(YAML);

        // When the required variables are derived / Then the SMTP host is not among them
        assertThat(EnvironmentContract.required(Image.NOTIFICATION_SERVICE, configuration, Map.of("MAIL_TRANSPORT", "SES")))
                .doesNotContain("SMTP_HOST");
    }

    @Test
    void shouldRequireTheOidcIssuerForTheTrainerFacingServices() {
        // Given a configuration without any OIDC placeholder
        ServiceConfiguration configuration = ServiceConfiguration.parse("server:\n  port: ${PORT:8081}\n");

        // Then upload and catalog must still be given their issuer and JWKS URL
        assertThat(EnvironmentContract.required(Image.UPLOAD_SERVICE, configuration, Map.of()))
                .contains("OIDC_ISSUER_URI", "OIDC_JWK_SET_URI");
        assertThat(EnvironmentContract.required(Image.DOWNLOAD_SERVICE, configuration, Map.of()))
                .doesNotContain("OIDC_ISSUER_URI", "OIDC_JWK_SET_URI");
    }

    @Test
    void shouldReportVariablesTheServiceDoesNotReadExceptThoseReadByRule() {
        // Given the configuration
        ServiceConfiguration configuration = ServiceConfiguration.parse(YAML);

        // When a deployment sets a misspelt variable, Kafka client properties and JVM options
        Set<String> unread = EnvironmentContract.unread(configuration, Set.of("SMTP_HOSTNAME", "SMTP_HOST",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "JAVA_TOOL_OPTIONS", "NOT_READ"));

        // Then only the misspelt and the commented-out ones are reported
        assertThat(unread).containsExactly("NOT_READ", "SMTP_HOSTNAME");
    }

    @Test
    void shouldRequireTheCredentialsOfTheGatewayAndTheIdentityProviderThoughTheirDefaultsAreBlank() {
        // Given configurations whose credentials default to blank, and no Kafka
        ServiceConfiguration gateway = ServiceConfiguration.parse("""
                server:
                  port: ${PORT:8080}
                spring.security.oauth2.client.registration.apexshare.client-secret: ${GATEWAY_CLIENT_SECRET:}
                spring.security.oauth2.client.provider.apexshare.issuer-uri: ${OIDC_ISSUER_URI:http://127.0.0.1:8090}
                """);
        ServiceConfiguration identity = ServiceConfiguration.parse("""
                apexshare.identity.issuer: ${IDENTITY_ISSUER:http://127.0.0.1:${server.port}}
                apexshare.identity.gateway.client-secret: ${IDENTITY_GATEWAY_CLIENT_SECRET:}
                apexshare.identity.users[0].password: ${IDENTITY_DEMO_PASSWORD:}
                """);

        // When the required variables are derived / Then they are the credentials and the issuer, not Kafka
        assertThat(EnvironmentContract.required(Image.GATEWAY, gateway, Map.of()))
                .containsExactlyInAnyOrder("GATEWAY_CLIENT_SECRET", "OIDC_ISSUER_URI");
        assertThat(EnvironmentContract.required(Image.IDENTITY, identity, Map.of()))
                .containsExactlyInAnyOrder("IDENTITY_ISSUER", "IDENTITY_GATEWAY_CLIENT_SECRET", "IDENTITY_DEMO_PASSWORD");
    }

    @Test
    void shouldReportThePlatformsTokenSettingsToAResourceServerThatDoesNotMapThem() {
        // Given a resource server that maps the platform's token settings, and one that maps only the issuer
        ServiceConfiguration mapping = ServiceConfiguration.parse("issuer-uri: ${OIDC_ISSUER_URI:http://127.0.0.1:8090}\n"
                + "audience-claims: ${OIDC_AUDIENCE_CLAIMS:aud}\ntrainer-claim: ${OIDC_TRAINER_CLAIM:roles}\n"
                + "trainer-value: ${OIDC_TRAINER_VALUE:trainer}\n");
        ServiceConfiguration issuerOnly = ServiceConfiguration.parse(
                "issuer-uri: ${OIDC_ISSUER_URI:http://127.0.0.1:8090}\n");
        Set<String> cognito = Set.of("OIDC_AUDIENCE_CLAIMS", "OIDC_TRAINER_CLAIM", "OIDC_TRAINER_VALUE");

        // When a deployment sets all three
        // Then the first reads them all, the second would silently ignore them all (every service maps them now, so
        // there is no allowance any more)
        assertThat(EnvironmentContract.unread(mapping, cognito)).isEmpty();
        assertThat(EnvironmentContract.unread(issuerOnly, cognito)).containsExactlyInAnyOrderElementsOf(cognito);
    }

    @Test
    void shouldRecogniseCredentialsByName() {
        assertThat(EnvironmentContract.isSecret("DB_PASSWORD")).isTrue();
        assertThat(EnvironmentContract.isSecret("S3_SECRET_KEY")).isTrue();
        assertThat(EnvironmentContract.isSecret("S3_ACCESS_KEY")).isTrue();
        assertThat(EnvironmentContract.isSecret("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).isTrue();
        assertThat(EnvironmentContract.isSecret("GATEWAY_CLIENT_SECRET")).isTrue();
        assertThat(EnvironmentContract.isSecret("IDENTITY_DEMO_PASSWORD")).isTrue();
        assertThat(EnvironmentContract.isSecret("DB_USERNAME")).isFalse();
        assertThat(EnvironmentContract.isSecret("S3_BUCKET")).isFalse();
        // The path of a Secret mounted as a file is no credential itself
        assertThat(EnvironmentContract.isSecret("DOWNLOAD_CLOUDFRONT_PRIVATE_KEY_FILE")).isFalse();
    }

    @Test
    void shouldFindCredentialValuesButAcceptReferencesInValuesFiles() {
        // Given values with a reference to a Secret, a key name and an inline password
        Map<String, Object> values = Map.of(
                "database", Map.of("existingSecret", "apexshare-db", "passwordKey", "password"),
                "smtp", Map.of("password", "hunter2", "secretName", "smtp"),
                "kafka", Map.of("sasl", Map.of("jaasConfig", "")));

        // When credentials are looked for / Then only the inline password is found
        assertThat(SecretValues.find(values)).containsOnlyKeys("smtp.password");
    }
}
