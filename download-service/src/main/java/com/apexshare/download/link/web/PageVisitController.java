package com.apexshare.download.link.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.download.link.PageVisits;
import com.apexshare.download.link.web.PageVisitResponses.InfoResponse;
import com.apexshare.download.link.web.PageVisitResponses.StartRequest;
import com.apexshare.download.link.web.PageVisitResponses.StartResponse;
import com.apexshare.platform.web.ErrorResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The student page's endpoints (public, rate-limited like the links): opening the page, a mail scanner's prefetch and
 * reopening count nothing ({@code info}); starting playback or the download counts once per visit ({@code start}).
 */
@RestController
@Tag(name = "Downloads", description = "Student download links")
class PageVisitController {

    private static final Set<String> PURPOSES = Set.of("PLAY", "DOWNLOAD");

    private final PageVisits visits;

    PageVisitController(PageVisits visits) {
        this.visits = visits;
    }

    @GetMapping("/api/v1/downloads/{token}/info")
    @Operation(summary = "What a download link offers, without counting",
            description = "The same checks and errors as opening the link, but no presigned URL and no download "
                    + "recorded: for the student page on open (and harmless for mail scanners).")
    @ApiResponse(responseCode = "200", description = "The video's details")
    @ApiResponse(responseCode = "404", description = "LINK_NOT_FOUND: unknown, malformed or not yet downloadable link",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "410", description = "LINK_EXPIRED, VIDEO_REMOVED or LINK_REVOKED",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED: too many look-ups from this address; see "
            + "Retry-After", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    ResponseEntity<com.apexshare.platform.web.ApiResponse<InfoResponse>> info(
            @Parameter(description = "Link token from the e-mail") @PathVariable String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(com.apexshare.platform.web.ApiResponse.of(InfoResponse.of(visits.describe(token))));
    }

    @PostMapping("/api/v1/downloads/{token}/start")
    @Operation(summary = "Start playback or the download: a fresh URL, counted once per visit",
            description = "Body {\"visitId\": \"<UUID>\", \"purpose\": \"PLAY\" | \"DOWNLOAD\"}. The first start of a "
                    + "visit records one download (counted: true); later starts of the same visit (a player that "
                    + "needs a fresh URL, Download after Play) hand out a fresh URL and count nothing "
                    + "(counted: false). purpose is optional and informational.")
    @ApiResponse(responseCode = "200", description = "A fresh presigned URL, the video's details and whether the "
            + "start counted")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: visitId missing or not a UUID, or an "
            + "unknown purpose", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "404", description = "LINK_NOT_FOUND: unknown, malformed or not yet downloadable link",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "410", description = "LINK_EXPIRED, VIDEO_REMOVED or LINK_REVOKED",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED: too many look-ups from this address; see "
            + "Retry-After", content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    ResponseEntity<com.apexshare.platform.web.ApiResponse<StartResponse>> start(
            @Parameter(description = "Link token from the e-mail") @PathVariable String token,
            @RequestBody(required = false) StartRequest body,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        UUID visitId = validVisitId(body == null ? new StartRequest(null, null) : body);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(com.apexshare.platform.web.ApiResponse.of(StartResponse.of(
                        visits.start(token, visitId, userAgent))));
    }

    private static UUID validVisitId(StartRequest request) {
        List<InvalidStartRequest.Violation> violations = new ArrayList<>();
        UUID visitId = null;
        if (request.visitId() == null || request.visitId().isBlank()) {
            violations.add(new InvalidStartRequest.Violation("visitId", "is required: a UUID, one per page visit"));
        } else {
            visitId = uuid(request.visitId());
            if (visitId == null) {
                violations.add(new InvalidStartRequest.Violation("visitId",
                        "must be a UUID such as 3f2b8c1e-4d5a-4e6f-9a7b-1c2d3e4f5a6b"));
            }
        }
        if (request.purpose() != null && !PURPOSES.contains(request.purpose())) {
            violations.add(new InvalidStartRequest.Violation("purpose", "must be PLAY or DOWNLOAD"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidStartRequest(violations);
        }
        return visitId;
    }

    /** Only the canonical 36-character form: {@code UUID.fromString} also takes short forms such as "1-2-3-4-5". */
    private static UUID uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
