package com.apexshare.upload.upload.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import com.apexshare.upload.UploadProperties;
import com.apexshare.upload.upload.FileNames;
import com.apexshare.upload.upload.InvalidUploadRequest;
import com.apexshare.upload.upload.InvalidUploadRequest.Violation;
import com.apexshare.upload.upload.TextRules;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Every rule of an initiate request, reported together: the bean constraints of {@link InitiateUploadRequest} plus
 * what depends on configuration (largest size, allowed media types, session date window) and on content (email
 * syntax, control characters, file names).
 */
@Component
class InitiateUploadValidator {

    /** Dot-atom local part (RFC 5322, no quoted strings) and a DNS host name with an alphabetic TLD. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private final Validator validator;
    private final UploadProperties properties;
    private final Clock clock;

    InitiateUploadValidator(Validator validator, UploadProperties properties, Clock clock) {
        this.validator = validator;
        this.properties = properties;
        this.clock = clock;
    }

    void validate(InitiateUploadRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<InitiateUploadRequest> v : validator.validate(request)) {
            violations.add(new Violation(v.getPropertyPath().toString(), v.getMessage()));
        }
        String email = request.studentEmail();
        if (email != null && !email.isBlank() && email.length() <= 254) {
            if (!isEmailAddress(email)) {
                violations.add(new Violation("studentEmail", "must be a valid email address"));
            }
        }
        plainText(violations, "studentName", request.studentName(), false);
        plainText(violations, "trainerName", request.trainerName(), false);
        plainText(violations, "notes", request.notes(), true);
        if (request.fileName() != null && !request.fileName().isBlank()) {
            FileNames.problem(request.fileName()).ifPresent(p -> violations.add(new Violation("fileName", p)));
        }
        DataSize max = properties.maxFileSize();
        if (request.fileSize() != null && request.fileSize() > max.toBytes()) {
            violations.add(new Violation("fileSize", "must be at most " + max.toBytes() + " bytes (" + human(max) + ")"));
        }
        String contentType = request.contentType();
        if (contentType != null && !contentType.isBlank()
                && !properties.allowedContentTypes().contains(contentType.strip().toLowerCase(Locale.ROOT))) {
            violations.add(new Violation("contentType", "must be one of " + properties.allowedContentTypes()));
        }
        LocalDate date = request.sessionDate();
        if (date != null) {
            LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate earliest = today.minus(properties.sessionDateMaxAge());
            LocalDate latest = today.plus(properties.sessionDateMaxAhead());
            if (date.isBefore(earliest) || date.isAfter(latest)) {
                violations.add(new Violation("sessionDate", "must be between " + earliest + " and " + latest));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field));
            throw new InvalidUploadRequest(violations);
        }
    }

    /** One plain address as the initiate request takes it: dot-atom local part ≤ 64, a DNS host with a TLD. */
    static boolean isEmailAddress(String email) {
        return email.length() <= 254 && EMAIL.matcher(email).matches() && email.lastIndexOf('@') <= 64;
    }

    /** Whether a name is acceptable: no control characters, line breaks or bidi overrides. */
    static boolean isPlainName(String name) {
        return !TextRules.hasControlCharacter(name, false);
    }

    private static void plainText(List<Violation> violations, String field, String value, boolean multiline) {
        if (value != null && TextRules.hasControlCharacter(value, multiline)) {
            violations.add(new Violation(field, multiline ? "must not contain control characters other than line breaks and tabs"
                    : "must not contain control characters or line breaks"));
        }
    }

    private static String human(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return bytes / DataSize.ofGigabytes(1).toBytes() + " GiB";
        }
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return bytes / DataSize.ofMegabytes(1).toBytes() + " MiB";
        }
        return bytes + " bytes";
    }
}
