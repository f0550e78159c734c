package com.apexshare.gateway.edge.web;

/**
 * The order of the gateway's own servlet filters, all before Spring Session's ({@code Integer.MIN_VALUE + 50}) and
 * Spring Security's ({@code -100}): a refused request never touches the session store.
 */
public final class EdgeFilterOrder {

    /** Outermost: sees every answer, including refusals. */
    public static final int ACCESS_LOG = Integer.MIN_VALUE + 10;
    public static final int SECURITY_HEADERS = Integer.MIN_VALUE + 20;
    public static final int PATH_GUARD = Integer.MIN_VALUE + 30;
    public static final int BODY_LIMIT = Integer.MIN_VALUE + 40;
    public static final int RATE_LIMIT = Integer.MIN_VALUE + 45;

    private EdgeFilterOrder() {
    }
}
