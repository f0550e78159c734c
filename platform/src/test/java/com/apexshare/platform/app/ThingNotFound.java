package com.apexshare.platform.app;

/** A domain fact of the test service, mapped to 404 by its web adapter. */
public class ThingNotFound extends RuntimeException {

    public ThingNotFound(String id) {
        super("No thing " + id);
    }
}
