package com.apexshare.cli.console;

import java.net.URI;

import com.apexshare.cli.api.ApexShareApi;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --api-url} and {@code --token}, each falling back to its environment variable. */
public final class ApiOptions {

    public static final String DEFAULT_API_URL = "http://127.0.0.1:8080";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "ApexShare API (the gateway); default $APEXSHARE_API_URL, else " + DEFAULT_API_URL)
    String apiUrl;

    @Option(names = "--token", paramLabel = "JWT",
            description = "Trainer access token; default $APEXSHARE_TOKEN (prefer the variable: options show in ps)")
    String token;

    /** The API for this run; a malformed URL is a usage error. */
    public ApexShareApi api(CliContext context) {
        return new ApexShareApi(apiUrl(context), token(context), context.http(), context.retry());
    }

    public URI apiUrl(CliContext context) {
        String value = apiUrl != null ? apiUrl : context.env("APEXSHARE_API_URL");
        if (value == null) {
            value = DEFAULT_API_URL;
        }
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "--api-url / APEXSHARE_API_URL must be an http(s) URL like " + DEFAULT_API_URL + ", not '"
                            + value + "'");
        }
    }

    String token(CliContext context) {
        return token != null ? token : context.env("APEXSHARE_TOKEN");
    }
}
