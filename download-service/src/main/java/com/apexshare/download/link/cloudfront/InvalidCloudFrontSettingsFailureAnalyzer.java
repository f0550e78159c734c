package com.apexshare.download.link.cloudfront;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link InvalidCloudFrontSettings} into Spring Boot's "APPLICATION FAILED TO START" report: what is wrong and
 * what to set, instead of a bean-creation stack trace. Public for {@code META-INF/spring.factories}.
 */
public class InvalidCloudFrontSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCloudFrontSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCloudFrontSettings cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the settings named above (the Helm chart: services.download.cloudfront.domain, keyPairId and "
                        + "existingSecret, docs/operations.md), or switch CloudFront signing off "
                        + "(DOWNLOAD_CLOUDFRONT_ENABLED=false) to hand out S3 presigned URLs.",
                cause);
    }
}
