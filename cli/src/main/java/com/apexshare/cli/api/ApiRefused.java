package com.apexshare.cli.api;

import java.util.List;
import java.util.stream.Collectors;

/** The API answered with an error status: the brief's error body (or what could be read of it). */
public final class ApiRefused extends ApiException {

    private final int status;
    private final String code;
    private final String detail;
    private final List<FieldProblem> fields;

    /** An invalid field as the server names it, e.g. {@code fileSize: must be at most 5 GiB}. */
    public record FieldProblem(String field, String message) {
    }

    public ApiRefused(int status, String code, String detail, List<FieldProblem> fields) {
        super("HTTP " + status + " " + code + ": " + detail, null);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.fields = List.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    @Override
    public String describe() {
        if (status == 401) {
            return "your token is missing or expired (set APEXSHARE_TOKEN)";
        }
        String head = switch (status) {
            case 403 -> "your token does not allow this: " + detail;
            case 404 -> detail + " (it does not exist or belongs to another trainer)";
            case 429 -> "too many requests, try again in a moment: " + detail;
            default -> status >= 500 ? "ApexShare failed (HTTP " + status + "): " + detail : detail;
        };
        if (fields.isEmpty()) {
            return head;
        }
        return head + fields.stream().map(f -> "\n  " + f.field() + ": " + f.message())
                .collect(Collectors.joining());
    }
}
