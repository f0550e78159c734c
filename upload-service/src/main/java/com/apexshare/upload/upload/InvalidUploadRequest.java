package com.apexshare.upload.upload;

import java.util.List;

/** A request the service refuses, with one violation per bad field (answered as 400 with field errors). */
public class InvalidUploadRequest extends RuntimeException {

    /** One bad field: its JSON path and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public InvalidUploadRequest(List<Violation> violations) {
        super("Invalid request: " + violations.stream().map(Violation::field).distinct().toList());
        this.violations = List.copyOf(violations);
    }

    public static InvalidUploadRequest of(String field, String message) {
        return new InvalidUploadRequest(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
