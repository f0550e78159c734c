package com.apexshare.download.link.web;

import java.util.List;

/** A start request whose visit id or purpose is missing or malformed; one violation per field. */
class InvalidStartRequest extends RuntimeException {

    /** A bad field and what is wrong with it. */
    record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    InvalidStartRequest(List<Violation> violations) {
        super("Invalid start request: " + violations);
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }
}
