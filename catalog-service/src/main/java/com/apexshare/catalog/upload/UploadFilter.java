package com.apexshare.catalog.upload;

import java.time.LocalDate;

/**
 * Optional filters of the upload list; null means "any".
 *
 * @param studentEmail    exact address, case-insensitive
 * @param sessionDateFrom first session date, inclusive
 * @param sessionDateTo   last session date, inclusive
 * @param status          one of INITIATED, AVAILABLE, DELETED, EXPIRED
 */
public record UploadFilter(String studentEmail, LocalDate sessionDateFrom, LocalDate sessionDateTo, String status) {

    public static final UploadFilter NONE = new UploadFilter(null, null, null, null);
}
