package com.apexshare.platform.app;

import java.util.Map;

/** A domain refusal with field-level reasons. */
public class ThingRefused extends RuntimeException {

    private final Map<String, String> reasons;

    public ThingRefused(Map<String, String> reasons) {
        super("refused");
        this.reasons = Map.copyOf(reasons);
    }

    public Map<String, String> reasons() {
        return reasons;
    }
}
