package com.apexshare.catalog.upload;

import java.util.List;

/** Paging or filter parameters the dashboard cannot answer, one violation per parameter. */
public class InvalidQuery extends RuntimeException {

    /** A bad parameter and what is wrong with it. */
    public record Violation(String parameter, String message) {
    }

    private final List<Violation> violations;

    public InvalidQuery(List<Violation> violations) {
        super("Invalid query parameters: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
