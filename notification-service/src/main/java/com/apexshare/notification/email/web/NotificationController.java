package com.apexshare.notification.email.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.notification.email.EmailStatusQuery;
import com.apexshare.notification.email.EmailStatusQuery.EmailState;
import com.apexshare.platform.openapi.OpenApiAutoConfiguration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The trainer's view of the emails of one of their uploads (was the student's email sent, is it retrying). */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications", description = "Email status of the trainer's uploads")
class NotificationController {

    /** The emails of one upload. */
    record UploadEmails(UUID fileId, List<EmailState> emails) {
    }

    private final EmailStatusQuery query;

    NotificationController(EmailStatusQuery query) {
        this.query = query;
    }

    @GetMapping("/{fileId}")
    @Operation(summary = "Email status of one upload",
            description = "Student link email and trainer first-download email: status (PENDING, SENDING, SENT, "
                    + "FAILED, CANCELLED), attempts, next attempt, send time, transport, link expiry, failure reason.",
            security = @SecurityRequirement(name = OpenApiAutoConfiguration.BEARER))
    @ApiResponse(responseCode = "200", description = "The upload's emails")
    @ApiResponse(responseCode = "404", description = "UPLOAD_NOT_FOUND: unknown, or another trainer's upload")
    com.apexshare.platform.web.ApiResponse<UploadEmails> emails(@PathVariable UUID fileId,
            @AuthenticationPrincipal Jwt jwt) {
        // The platform's success body; its simple name is taken by the OpenAPI annotation above.
        return com.apexshare.platform.web.ApiResponse.of(
                new UploadEmails(fileId, query.emailsOf(fileId, jwt.getSubject())));
    }
}
