package com.apexshare.notification.email.ses;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.notification.NotificationProperties;
import com.apexshare.notification.email.mime.MimeLetters;
import com.apexshare.platform.aws.AwsClientSettings;
import com.apexshare.platform.aws.AwsClients;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SES v2 client through the platform's {@link AwsClients} (region, endpoint override, static keys or the SDK's
 * default chain, e.g. IRSA). The SDK does not retry: the service's own backoff does, from its table, without holding a
 * sender.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "apexshare.notification.transport", havingValue = "SES")
class SesConfiguration {

    @Bean(destroyMethod = "close")
    SesV2Client sesClient(NotificationProperties properties) {
        NotificationProperties.Ses ses = properties.ses();
        AwsClientSettings settings = new AwsClientSettings(ses.region(), ses.endpoint(), false, ses.accessKey(),
                ses.secretKey());
        return AwsClients.configure(SesV2Client.builder(), settings)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(ses.timeout())
                        .socketTimeout(ses.timeout()))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(ses.timeout()))
                .build();
    }

    @Bean
    SesMailTransport sesMailTransport(SesV2Client client, MimeLetters mime, NotificationProperties properties) {
        return new SesMailTransport(client, mime, properties.mail().fromAddress(), properties.ses().configurationSet());
    }
}
