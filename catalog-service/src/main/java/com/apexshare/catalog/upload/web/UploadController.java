package com.apexshare.catalog.upload.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.catalog.upload.Dashboard;
import com.apexshare.catalog.upload.UploadFilter;
import com.apexshare.catalog.upload.web.UploadResponses.DownloadItem;
import com.apexshare.catalog.upload.web.UploadResponses.DownloadList;
import com.apexshare.catalog.upload.web.UploadResponses.Page;
import com.apexshare.catalog.upload.web.UploadResponses.Pagination;
import com.apexshare.catalog.upload.web.UploadResponses.RecentUploads;
import com.apexshare.catalog.upload.web.UploadResponses.UploadDetail;
import com.apexshare.catalog.upload.web.UploadResponses.UploadItem;
import com.apexshare.catalog.upload.web.UploadResponses.UploadPage;
import com.apexshare.platform.openapi.OpenApiAutoConfiguration;
import com.apexshare.platform.web.ApiResponse;
import com.apexshare.platform.web.ErrorResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The trainer dashboard; the trainer is the token's {@code sub} (the platform lets only tokens with the trainer role
 * in), and sees only their own uploads.
 */
@RestController
@RequestMapping("/api/v1/uploads")
@Tag(name = "dashboard", description = "The calling trainer's uploads")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
class UploadController {

    private final Dashboard dashboard;

    UploadController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/recent")
    @Operation(summary = "Recent uploads, newest first, by offset",
            description = "Offsets are capped (default 10,000); deeper pages use GET /api/v1/uploads with its cursor.")
    ApiResponse<RecentUploads> recent(@AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "10") int limit,
            @Parameter(description = "rows to skip, 0 to 10,000") @RequestParam(defaultValue = "0") int offset) {
        Dashboard.RecentPage page = dashboard.recent(jwt.getSubject(), limit, offset);
        return ApiResponse.of(new RecentUploads(page.uploads().stream().map(UploadItem::of).toList(),
                new Pagination(page.total(), page.limit(), page.offset(), page.hasMore())));
    }

    @GetMapping
    @Operation(summary = "Uploads, newest first, by cursor, with filters",
            description = "Pass the previous page's nextCursor as cursor to get the next page.")
    ApiResponse<UploadPage> list(@AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "20") int limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "exact student email, case-insensitive") @RequestParam(required = false)
            String studentEmail,
            @Parameter(description = "first session date, inclusive (YYYY-MM-DD)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sessionDateFrom,
            @Parameter(description = "last session date, inclusive (YYYY-MM-DD)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sessionDateTo,
            @Parameter(description = "INITIATED, AVAILABLE, DELETED or EXPIRED") @RequestParam(required = false)
            String status) {
        Dashboard.SearchPage page = dashboard.search(jwt.getSubject(),
                new UploadFilter(studentEmail, sessionDateFrom, sessionDateTo, status), cursor, limit);
        return ApiResponse.of(new UploadPage(page.uploads().stream().map(UploadItem::of).toList(),
                new Page(page.limit(), page.hasMore(), page.nextCursor())));
    }

    @GetMapping("/{fileId}")
    @Operation(summary = "One upload of the calling trainer; another trainer's upload answers 404")
    ApiResponse<UploadDetail> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId) {
        return ApiResponse.of(UploadDetail.of(dashboard.find(jwt.getSubject(), fileId)));
    }

    @GetMapping("/{fileId}/downloads")
    @Operation(summary = "The downloads of one upload, newest first, by cursor (the upload's timeline)",
            description = "Each download counted once (per download id), with its time, the client's family and "
                    + "the channel. Pass the previous page's nextCursor as cursor to get the next page. Another "
                    + "trainer's upload answers 404 UPLOAD_NOT_FOUND; a bad limit or cursor 400 VALIDATION_FAILED.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "A page of downloads")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400",
            description = "VALIDATION_FAILED: limit outside 1 to 100, or a cursor this service did not make",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404",
            description = "UPLOAD_NOT_FOUND: no such upload for this trainer",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    ApiResponse<DownloadList> downloads(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "100") int limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false)
            String cursor) {
        Dashboard.DownloadPage page = dashboard.downloads(jwt.getSubject(), fileId, cursor, limit);
        return ApiResponse.of(new DownloadList(page.downloads().stream().map(DownloadItem::of).toList(),
                new Page(page.limit(), page.hasMore(), page.nextCursor())));
    }
}
