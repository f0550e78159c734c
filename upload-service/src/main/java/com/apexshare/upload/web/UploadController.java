package com.apexshare.upload.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.upload.CompletedUpload;
import com.apexshare.upload.FreshUrls;
import com.apexshare.upload.InvalidUploadRequest;
import com.apexshare.upload.NewUpload;
import com.apexshare.upload.PartUrl;
import com.apexshare.upload.StartedUpload;
import com.apexshare.upload.UploadMode;
import com.apexshare.upload.UploadNotFound;
import com.apexshare.upload.UploadProgress;
import com.apexshare.upload.UploadService;
import com.apexshare.upload.UploadStatus;
import com.apexshare.upload.s3.PartETag;
import com.apexshare.upload.web.Dtos.AbortUploadResponse;
import com.apexshare.upload.web.Dtos.CompleteUploadRequest;
import com.apexshare.upload.web.Dtos.CompleteUploadResponse;
import com.apexshare.upload.web.Dtos.InitiateUploadResponse;
import com.apexshare.upload.web.Dtos.MultipartJson;
import com.apexshare.upload.web.Dtos.PartUrlJson;
import com.apexshare.upload.web.Dtos.PartUrlsRequest;
import com.apexshare.upload.web.Dtos.PartUrlsResponse;
import com.apexshare.upload.web.Dtos.UploadPartsResponse;
import com.apexshare.upload.web.Dtos.UploadedPartJson;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Start, resume, complete and abort direct-to-S3 uploads. Only the trainer who started an upload sees it. */
@RestController
@RequestMapping("/api/v1/uploads")
@Tag(name = "uploads", description = "Direct-to-S3 (multipart) uploads of training videos")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class UploadController {

    private final UploadService uploads;
    private final InitiateUploadValidator validator;

    UploadController(UploadService uploads, InitiateUploadValidator validator) {
        this.uploads = uploads;
        this.validator = validator;
    }

    @PostMapping("/initiate")
    @Operation(summary = "Start an upload",
            description = "Validates the metadata, reserves the object key and answers with presigned URLs: one PUT "
                    + "for files up to the single-PUT limit, else a multipart upload with URLs for the first parts "
                    + "(ask for the rest with POST …/parts/urls). Publishes UploadInitiated before answering.")
    @ApiResponses({
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Upload started"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400", description = "Invalid field(s): VALIDATION_FAILED"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "503", description = "EVENTS_UNAVAILABLE or STORAGE_UNAVAILABLE; nothing was started")})
    ResponseEntity<ApiResponse<InitiateUploadResponse>> initiate(@AuthenticationPrincipal Jwt jwt,
            @RequestBody InitiateUploadRequest request) {
        InitiateUploadRequest body = request.withTrainerNameOr(jwt.getClaimAsString("name"));
        validator.validate(body);
        StartedUpload started = uploads.initiate(new NewUpload(jwt.getSubject(), jwt.getClaimAsString("email"),
                body.trainerName().strip(), body.studentEmail().strip(), body.studentName().strip(),
                body.sessionDate(), body.notes() == null || body.notes().isBlank() ? null : body.notes().strip(),
                body.fileName().strip(), body.fileSize(), body.contentType().strip().toLowerCase(java.util.Locale.ROOT)));
        InitiateUploadResponse response;
        if (started.plan().mode() == UploadMode.SINGLE_PUT) {
            response = new InitiateUploadResponse(started.fileId().toString(), UploadMode.SINGLE_PUT.name(),
                    started.singlePut().url(), started.singlePut().headers(), started.expiresAt(), null);
        } else {
            response = new InitiateUploadResponse(started.fileId().toString(), UploadMode.MULTIPART.name(), null,
                    Map.of(), started.expiresAt(), new MultipartJson(started.s3UploadId(), started.plan().partSize(),
                            started.plan().partCount(), json(started.partUrls())));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/uploads/" + started.fileId() + "/parts"))
                .body(ApiResponse.ok(response));
    }

    @GetMapping("/{fileId}/parts")
    @Operation(summary = "Resume: where the upload stands",
            description = "Status, part layout and the parts S3 already holds (ListParts), so an interrupted client "
                    + "uploads only what is missing.")
    ApiResponse<UploadPartsResponse> parts(@AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "file id from initiate") @PathVariable String fileId) {
        UploadProgress progress = uploads.progress(jwt.getSubject(), id(fileId));
        return ApiResponse.ok(new UploadPartsResponse(fileId, progress.plan().mode().name(), progress.status().name(),
                progress.plan().partSize(), progress.plan().partCount(), progress.plan().fileSize(),
                progress.uploadedParts().stream()
                        .map(p -> new UploadedPartJson(p.partNumber(), p.eTag(), p.size())).toList()));
    }

    @PostMapping("/{fileId}/parts/urls")
    @Operation(summary = "Fresh presigned URLs",
            description = "Multipart: URLs for the listed part numbers (at most 1000). Single PUT: body {} gives a "
                    + "fresh PUT URL with the headers it must send.")
    ApiResponse<PartUrlsResponse> urls(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId,
            @RequestBody(required = false) PartUrlsRequest body) {
        FreshUrls urls = uploads.presign(jwt.getSubject(), id(fileId), body == null ? null : body.partNumbers());
        if (urls.singlePut() != null) {
            return ApiResponse.ok(new PartUrlsResponse(null, urls.singlePut().url(), urls.singlePut().headers(),
                    urls.expiresAt()));
        }
        return ApiResponse.ok(new PartUrlsResponse(json(urls.parts()), null, null, urls.expiresAt()));
    }

    @PostMapping("/{fileId}/complete")
    @Operation(summary = "Complete the upload",
            description = "Multipart: list every part with the ETag S3 returned for it. Single PUT: empty body. "
                    + "Checks the stored size against the declared one and publishes UploadCompleted. Idempotent: "
                    + "a retry returns the same result.")
    ApiResponse<CompleteUploadResponse> complete(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId,
            @RequestBody(required = false) CompleteUploadRequest body) {
        List<PartETag> parts = body == null || body.parts() == null ? List.of() : body.parts().stream()
                .map(p -> {
                    if (p == null || p.partNumber() == null) {
                        throw InvalidUploadRequest.of("parts", "every part needs a partNumber and an eTag");
                    }
                    return new PartETag(p.partNumber(), p.eTag());
                })
                .toList();
        CompletedUpload completed = uploads.complete(jwt.getSubject(), id(fileId), parts);
        return ApiResponse.ok(new CompleteUploadResponse(fileId, UploadStatus.COMPLETED.name(), completed.size(),
                completed.eTag()));
    }

    @PostMapping("/{fileId}/abort")
    @Operation(summary = "Abort the upload",
            description = "Drops the multipart upload and any stored bytes and publishes UploadDeleted(ABORTED). "
                    + "Idempotent; a completed upload cannot be aborted (409).")
    ApiResponse<AbortUploadResponse> abort(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId) {
        uploads.abort(jwt.getSubject(), id(fileId));
        return ApiResponse.ok(new AbortUploadResponse(fileId, UploadStatus.ABORTED.name()));
    }

    private static List<PartUrlJson> json(List<PartUrl> urls) {
        return urls.stream().map(u -> new PartUrlJson(u.partNumber(), u.url())).toList();
    }

    /** A malformed id cannot name an upload: the same 404 as someone else's upload. */
    private static UUID id(String fileId) {
        try {
            UUID id = UUID.fromString(fileId);
            if (!id.toString().equals(fileId.toLowerCase(java.util.Locale.ROOT))) {
                throw new UploadNotFound(fileId);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new UploadNotFound(fileId);
        }
    }
}
