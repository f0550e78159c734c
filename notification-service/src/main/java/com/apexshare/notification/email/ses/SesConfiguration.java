package com.apexshare.notification.email.ses;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.notification.NotificationProperties;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

/**
 * The SES v2 client: region, endpoint override and credentials from configuration (blank keys = the SDK's default
 * chain, e.g. IRSA). The SDK does not retry: the service's own backoff does, from its table, without holding a sender.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "apexshare.notification.transport", havingValue = "SES")
class SesConfiguration {

    @Bean(destroyMethod = "close")
    SesV2Client sesClient(NotificationProperties properties) {
        NotificationProperties.Ses ses = properties.ses();
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(Region.of(ses.region()))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(ses.timeout())
                        .socketTimeout(ses.timeout()))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(ses.timeout()));
        if (ses.endpoint() != null && !ses.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(ses.endpoint().trim()));
        }
        if (ses.accessKey() != null && !ses.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ses.accessKey(), ses.secretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Bean
    SesMailTransport sesMailTransport(SesV2Client client, NotificationProperties properties) {
        return new SesMailTransport(client, properties.mail().fromAddress(), properties.ses().configurationSet());
    }
}
