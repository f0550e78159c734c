package com.apexshare.identity.web;

/** The paths of the provider's own pages, for the filter chains. */
public final class Pages {

    public static final String LOGIN = "/login";
    public static final String CODE = "/login/code";
    /** Where the code page's form posts the emailed code. */
    public static final String CODE_SUBMIT = "/login/ott";
    public static final String ACTIVATE = "/activate";
    public static final String ACTIVATED = "/activated";
    public static final String CONSENT = "/consent";

    private Pages() {
    }
}
