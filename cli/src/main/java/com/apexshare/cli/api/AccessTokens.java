package com.apexshare.cli.api;

/**
 * Where the bearer token of API calls comes from: a fixed one ({@code APEXSHARE_TOKEN}, {@code --token}) or the stored
 * sign-in of {@code apexshare login}, which renews itself. Implementations are safe for the parallel part uploads.
 */
public interface AccessTokens {

    /** The token to send now (renewed first when it is about to expire); null sends none. */
    String current();

    /**
     * The API answered 401 to {@code refused}: another token to try once more, or null when there is none. Called at
     * most once per API call.
     */
    default String renewed(String refused) {
        return null;
    }

    /** What to throw when the API refused even the renewed token (or there was none to try). */
    default RuntimeException refusal(ApiRefused refused) {
        return refused;
    }

    /** Always the same token (scripts): never renewed; a 401 is reported as it is. */
    static AccessTokens fixed(String token) {
        return () -> token;
    }
}
