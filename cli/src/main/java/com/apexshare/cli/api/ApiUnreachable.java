package com.apexshare.cli.api;

import java.net.URI;

/** No connection to the API could be made (refused, unknown host, timed out while connecting). */
public final class ApiUnreachable extends ApiException {

    private final URI baseUrl;

    public ApiUnreachable(URI baseUrl, Throwable cause) {
        super("cannot reach " + baseUrl, cause);
        this.baseUrl = baseUrl;
    }

    @Override
    public String describe() {
        return "cannot reach " + baseUrl + ": is ApexShare running? (set --api-url or APEXSHARE_API_URL)";
    }
}
