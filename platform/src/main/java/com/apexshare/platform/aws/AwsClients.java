package com.apexshare.platform.aws;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/** Applies {@link AwsClientSettings} to any SDK client builder. */
public final class AwsClients {

    private AwsClients() {
    }

    /** Region, endpoint override and credentials; the caller adds what is particular to its client and builds. */
    public static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, AwsClientSettings settings) {
        builder.region(Region.of(settings.region())).credentialsProvider(settings.credentialsProvider());
        if (settings.hasEndpoint()) {
            builder.endpointOverride(settings.endpointUri());
        }
        return builder;
    }
}
