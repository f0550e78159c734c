package com.apexshare.cli.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.console.CliContext;
import com.apexshare.cli.signin.ApiOptions;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apexshare expiry FILE_ID --until … | --days N}: moves when the links end and the video is removed. */
@Command(name = "expiry", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Extends or shortens how long the links work and the video is kept (within the configured "
                + "maximum, 30 days ahead by default).")
public final class ExpiryCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "FILE_ID", description = "The upload's file id")
    String fileId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    When when;

    static final class When {
        @Option(names = "--until", paramLabel = "TIME",
                description = "The new end: 2026-06-30T18:00:00Z, or a date (2026-06-30, its end in UTC)")
        String until;

        @Option(names = "--days", paramLabel = "N", description = "The new end N days from now")
        Integer days;
    }

    public ExpiryCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Instant expiresAt = expiresAt(context.clock());
        try {
            return ActionOutput.done(context, "expiry changed",
                    apiOptions.api(context).changeExpiry(fileId.strip(), expiresAt));
        } catch (ApiException e) {
            return ActionOutput.failed(context, "expiry", e);
        }
    }

    private Instant expiresAt(Clock clock) {
        if (when.days != null) {
            if (when.days < 1) {
                throw new ParameterException(spec.commandLine(), "--days: must be at least 1, not " + when.days);
            }
            return clock.instant().plus(Duration.ofDays(when.days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        String text = when.until.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
            } catch (DateTimeParseException notADate) {
                throw new ParameterException(spec.commandLine(),
                        "--until: not a time (2026-06-30T18:00:00Z) or a date (2026-06-30): " + text);
            }
        }
    }
}
