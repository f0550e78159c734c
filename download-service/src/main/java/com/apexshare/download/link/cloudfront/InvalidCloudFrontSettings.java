package com.apexshare.download.link.cloudfront;

import java.util.List;

/**
 * CloudFront signing is switched on but its settings are missing or unusable: the service refuses to start rather than
 * hand out URLs CloudFront would refuse. Names every problem at once, by property and environment variable; never
 * carries the key's content.
 */
public class InvalidCloudFrontSettings extends RuntimeException {

    private final List<String> problems;

    InvalidCloudFrontSettings(List<String> problems) {
        super("CloudFront signing is on (apexshare.download.cloudfront.enabled / DOWNLOAD_CLOUDFRONT_ENABLED) but its "
                + "settings are not usable: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
