package com.apexshare.catalog.upload.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.catalog.upload.Dashboard;
import com.apexshare.catalog.upload.web.UploadResponses.Page;
import com.apexshare.catalog.upload.web.UploadResponses.StudentUploads;
import com.apexshare.catalog.upload.web.UploadResponses.UploadItem;
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
 * The per-student view: every upload of the calling trainer for one student, across sessions. The address is in the
 * path (URL-encoded); the gateway's access log masks it.
 */
@RestController
@RequestMapping("/api/v1/students")
@Tag(name = "students", description = "The calling trainer's students")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
class StudentController {

    private final Dashboard dashboard;

    StudentController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/{email}/uploads")
    @Operation(summary = "Every upload for one student, newest first, by cursor, with the student's totals",
            description = "The address is compared case-insensitively. Pass the previous page's nextCursor as cursor "
                    + "for the next page.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The student and a page")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400",
            description = "VALIDATION_FAILED: not an address, limit outside 1 to 100, or a foreign cursor",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404",
            description = "STUDENT_NOT_FOUND: the trainer has no upload for this address",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    ApiResponse<StudentUploads> uploads(@AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "the student's email address") @PathVariable String email,
            @Parameter(description = "page size, 1 to 100") @RequestParam(defaultValue = "20") int limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false)
            String cursor) {
        Dashboard.StudentPage page = dashboard.student(jwt.getSubject(), email, cursor, limit);
        Dashboard.SearchPage uploads = page.uploads();
        return ApiResponse.of(new StudentUploads(page.student(),
                uploads.uploads().stream().map(UploadItem::of).toList(),
                new Page(uploads.limit(), uploads.hasMore(), uploads.nextCursor())));
    }
}
