package com.apexshare.upload.upload.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.platform.openapi.OpenApiAutoConfiguration;
import com.apexshare.platform.web.ApiResponse;
import com.apexshare.upload.upload.ActionState;
import com.apexshare.upload.upload.InvalidUploadRequest;
import com.apexshare.upload.upload.InvalidUploadRequest.Violation;
import com.apexshare.upload.upload.TrainerActions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The trainer's actions on a completed upload. Each one is owner-checked (another trainer's upload answers 404 like a
 * missing one), changes the upload's state and publishes its event (through the outbox, in the same transaction)
 * before answering with where the upload now stands.
 */
@RestController
@RequestMapping("/api/v1/uploads/{fileId}")
@Tag(name = "actions", description = "The trainer's actions on a completed upload: resend, correct the address, "
        + "change the expiry, revoke, delete, reminders")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
class UploadActionsController {

    private static final String CONFLICTS = "UPLOAD_NOT_COMPLETED, UPLOAD_ABORTED, UPLOAD_DELETED, UPLOAD_EXPIRED";

    private final TrainerActions actions;

    UploadActionsController(TrainerActions actions) {
        this.actions = actions;
    }

    /** Body of the address change. */
    record ChangeAddressRequest(@Schema(example = "alex.rider@example.com") String studentEmail,
            @Schema(example = "Alex Rider", description = "optional: the corrected name") String studentName) {

        @Override
        public String toString() {
            return "ChangeAddressRequest[…]";
        }
    }

    /** Body of the expiry change. */
    record ChangeExpiryRequest(@Schema(example = "2026-06-30T18:00:00Z", type = "string", format = "date-time")
            Instant expiresAt) {
    }

    /** Body of the reminder switch. */
    record RemindersRequest(@Schema(example = "false") Boolean enabled) {
    }

    /** Where the upload stands after the action. */
    record ActionStateJson(String fileId, String status, Instant expiresAt, int linkGeneration, boolean linksRevoked,
            Instant linksRevokedAt, boolean remindersEnabled) {

        static ActionStateJson of(ActionState state) {
            return new ActionStateJson(state.fileId().toString(), UploadController.status(state.status()),
                    state.expiresAt(), state.linkGeneration(), state.linksRevokedAt() != null,
                    state.linksRevokedAt(), state.remindersEnabled());
        }
    }

    @PostMapping("/resend")
    @Operation(summary = "Resend the student's email",
            description = "Sends the student's email again, with a fresh link (earlier links keep working), to the "
                    + "current address. Publishes StudentEmailResent. At most resend-limit (3) per resend-window "
                    + "(1 hour) per upload.")
    @ApiResponses({
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Resend queued"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "UPLOAD_NOT_FOUND (also another trainer's upload)"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = CONFLICTS + ", LINK_REVOKED"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "429", description = "RESEND_LIMIT_REACHED, with Retry-After")})
    ApiResponse<ActionStateJson> resend(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId) {
        return ApiResponse.of(ActionStateJson.of(actions.resend(jwt.getSubject(), UploadController.id(fileId))));
    }

    @PostMapping("/student-address")
    @Operation(summary = "Correct the student's address",
            description = "A new email with a new link goes to the new address; every earlier link stops working "
                    + "(410). Publishes StudentAddressChanged (which also clears a suppression of the old address).")
    @ApiResponses({
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Address changed, email queued"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (studentEmail, studentName)"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "UPLOAD_NOT_FOUND"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = CONFLICTS + ", LINK_REVOKED")})
    ApiResponse<ActionStateJson> changeAddress(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId,
            @RequestBody(required = false) ChangeAddressRequest body) {
        List<Violation> violations = new ArrayList<>();
        String email = body == null || body.studentEmail() == null ? "" : body.studentEmail().strip();
        if (email.isEmpty()) {
            violations.add(new Violation("studentEmail", "must not be blank"));
        } else if (!InitiateUploadValidator.isEmailAddress(email)) {
            violations.add(new Violation("studentEmail", "must be a valid email address"));
        }
        String name = body == null || body.studentName() == null || body.studentName().isBlank() ? null
                : body.studentName().strip();
        if (name != null && (name.length() > 200 || !InitiateUploadValidator.isPlainName(name))) {
            violations.add(new Violation("studentName",
                    "must be at most 200 characters, without control characters or line breaks"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidUploadRequest(violations);
        }
        return ApiResponse.of(ActionStateJson.of(actions.changeAddress(jwt.getSubject(), UploadController.id(fileId),
                email, name)));
    }

    @PutMapping("/expiry")
    @Operation(summary = "Extend or shorten the expiry",
            description = "Links stop working and the video is removed at the new time, which must lie between "
                    + "expiry-min-ahead (1 hour) and expiry-max-ahead (30 days) from now. Publishes "
                    + "UploadExpiryChanged.")
    @ApiResponses({
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Expiry changed"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (expiresAt)"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "UPLOAD_NOT_FOUND"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = CONFLICTS)})
    ApiResponse<ActionStateJson> changeExpiry(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId,
            @RequestBody(required = false) ChangeExpiryRequest body) {
        if (body == null || body.expiresAt() == null) {
            throw InvalidUploadRequest.of("expiresAt", "must be an ISO-8601 instant such as 2026-06-30T18:00:00Z");
        }
        return ApiResponse.of(ActionStateJson.of(actions.changeExpiry(jwt.getSubject(), UploadController.id(fileId),
                body.expiresAt())));
    }

    @PostMapping("/revoke")
    @Operation(summary = "Revoke the links now",
            description = "Every link of the upload answers 410 from now on and no further email is sent about it; "
                    + "the video stays until its expiry or deletion. Final; revoking again changes nothing. "
                    + "Publishes LinkRevoked.")
    @ApiResponses({
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Links revoked"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "UPLOAD_NOT_FOUND"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = CONFLICTS)})
    ApiResponse<ActionStateJson> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId) {
        return ApiResponse.of(ActionStateJson.of(actions.revoke(jwt.getSubject(), UploadController.id(fileId))));
    }

    @PostMapping("/delete")
    @Operation(summary = "Delete the upload now",
            description = "Removes the video from S3 and publishes UploadDeleted(TRAINER_DELETED): links answer 410, "
                    + "the dashboard shows it deleted. Idempotent. An upload still in progress is aborted instead "
                    + "(POST …/abort).")
    @ApiResponses({
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Deleted"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "UPLOAD_NOT_FOUND"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "UPLOAD_NOT_COMPLETED, UPLOAD_ABORTED"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "503", description = "STORAGE_UNAVAILABLE; call again")})
    ApiResponse<ActionStateJson> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId) {
        return ApiResponse.of(ActionStateJson.of(actions.delete(jwt.getSubject(), UploadController.id(fileId))));
    }

    @PutMapping("/reminders")
    @Operation(summary = "Switch the reminder on or off",
            description = "The one reminder email goes out if the student has not downloaded some time (48 hours) "
                    + "after the link email. Publishes ReminderSettingChanged when the setting changes.")
    @ApiResponses({
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Setting stored"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (enabled)"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "UPLOAD_NOT_FOUND"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = CONFLICTS)})
    ApiResponse<ActionStateJson> reminders(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId,
            @RequestBody(required = false) RemindersRequest body) {
        if (body == null || body.enabled() == null) {
            throw InvalidUploadRequest.of("enabled", "must be true or false");
        }
        return ApiResponse.of(ActionStateJson.of(actions.setReminders(jwt.getSubject(), UploadController.id(fileId),
                body.enabled())));
    }
}
