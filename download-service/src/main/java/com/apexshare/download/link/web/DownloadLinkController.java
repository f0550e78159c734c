package com.apexshare.download.link.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.download.link.DownloadChannel;
import com.apexshare.download.link.DownloadLinks;
import com.apexshare.platform.web.ErrorResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Public endpoints for students (no account, no JWT): the link in the e-mail is the credential. Answers are never
 * cached, since they carry a presigned URL.
 */
@RestController
@Tag(name = "Downloads", description = "Student download links")
class DownloadLinkController {

    private final DownloadLinks links;

    DownloadLinkController(DownloadLinks links) {
        this.links = links;
    }

    @GetMapping("/d/{token}")
    @Operation(summary = "Open a download link",
            description = "Redirects to a short-lived presigned S3 URL that downloads the video as an attachment "
                    + "with its original file name. Range requests go straight to S3.")
    @ApiResponse(responseCode = "302", description = "Location: the presigned download URL")
    @ApiResponse(responseCode = "404", description = "Unknown, malformed or not yet downloadable link",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "410", description = "LINK_EXPIRED, VIDEO_REMOVED or LINK_REVOKED (the trainer withdrew the link or corrected the address)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "429", description = "Too many look-ups from this address; see Retry-After",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    ResponseEntity<Void> redirect(@Parameter(description = "Link token from the e-mail") @PathVariable String token,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent,
            HttpServletRequest request) {
        DownloadLinks.OpenedLink link = links.open(token, DownloadChannel.REDIRECT, userAgent, counts(request));
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(link.downloadUrl())
                .cacheControl(CacheControl.noStore())
                .build();
    }

    @GetMapping("/api/v1/downloads/{token}")
    @Operation(summary = "Describe a download link",
            description = "Answers a fresh presigned download URL and what the video is. Each call counts as a "
                    + "download.")
    @ApiResponse(responseCode = "200", description = "The download URL and the video's details")
    @ApiResponse(responseCode = "404", description = "Unknown, malformed or not yet downloadable link",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "410", description = "LINK_EXPIRED, VIDEO_REMOVED or LINK_REVOKED (the trainer withdrew the link or corrected the address)",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @ApiResponse(responseCode = "429", description = "Too many look-ups from this address; see Retry-After",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    ResponseEntity<com.apexshare.platform.web.ApiResponse<DownloadResponse>> describe(
            @Parameter(description = "Link token from the e-mail") @PathVariable String token,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent,
            HttpServletRequest request) {
        DownloadLinks.OpenedLink link = links.open(token, DownloadChannel.API, userAgent, counts(request));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(com.apexshare.platform.web.ApiResponse.of(DownloadResponse.of(link)));
    }

    /** A HEAD request (link checkers, mail scanners) gets the same answer but is not counted as a download. */
    private static boolean counts(HttpServletRequest request) {
        return !"HEAD".equals(request.getMethod());
    }
}
