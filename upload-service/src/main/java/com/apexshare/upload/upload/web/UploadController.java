package com.apexshare.upload.upload.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
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

import com.apexshare.platform.openapi.OpenApiAutoConfiguration;
import com.apexshare.platform.web.ApiResponse;
import com.apexshare.upload.upload.CompletedUpload;
import com.apexshare.upload.upload.FreshUrls;
import com.apexshare.upload.upload.InvalidUploadRequest;
import com.apexshare.upload.upload.NewUpload;
import com.apexshare.upload.upload.PartETag;
import com.apexshare.upload.upload.PartUrl;
import com.apexshare.upload.upload.StartedUpload;
import com.apexshare.upload.upload.UploadAborter;
import com.apexshare.upload.upload.UploadCompleter;
import com.apexshare.upload.upload.UploadMode;
import com.apexshare.upload.upload.UploadNotFound;
import com.apexshare.upload.upload.UploadParts;
import com.apexshare.upload.upload.UploadProgress;
import com.apexshare.upload.upload.UploadStarter;
import com.apexshare.upload.upload.UploadStatus;
import com.apexshare.upload.upload.web.Dtos.AbortUploadResponse;
import com.apexshare.upload.upload.web.Dtos.CompleteUploadRequest;
import com.apexshare.upload.upload.web.Dtos.CompleteUploadResponse;
import com.apexshare.upload.upload.web.Dtos.InitiateUploadResponse;
import com.apexshare.upload.upload.web.Dtos.MultipartJson;
import com.apexshare.upload.upload.web.Dtos.PartUrlJson;
import com.apexshare.upload.upload.web.Dtos.PartUrlsRequest;
import com.apexshare.upload.upload.web.Dtos.PartUrlsResponse;
import com.apexshare.upload.upload.web.Dtos.UploadPartsResponse;
import com.apexshare.upload.upload.web.Dtos.UploadedPartJson;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Start, resume, complete and abort direct-to-S3 uploads. Only the trainer who started an upload sees it. */
@RestController
@RequestMapping("/api/v1/uploads")
@Tag(name = "uploads", description = "Direct-to-S3 (multipart) uploads of training videos")
@SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)
class UploadController {

    private final UploadStarter starter;
    private final UploadParts uploadParts;
    private final UploadCompleter completer;
    private final UploadAborter aborter;
    private final InitiateUploadValidator validator;

    UploadController(UploadStarter starter, UploadParts uploadParts, UploadCompleter completer, UploadAborter aborter,
            InitiateUploadValidator validator) {
        this.starter = starter;
        this.uploadParts = uploadParts;
        this.completer = completer;
        this.aborter = aborter;
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
        StartedUpload started = starter.start(new NewUpload(
                new NewUpload.Trainer(jwt.getSubject(), body.trainerName().strip(), jwt.getClaimAsString("email")),
                new NewUpload.Student(body.studentEmail().strip(), body.studentName().strip()), body.sessionDate(),
                body.notes() == null || body.notes().isBlank() ? null : body.notes().strip(),
                new NewUpload.Video(body.fileName().strip(), body.fileSize(),
                        body.contentType().strip().toLowerCase(Locale.ROOT))));
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
                .body(ApiResponse.of(response));
    }

    @GetMapping("/{fileId}/parts")
    @Operation(summary = "Resume: where the upload stands",
            description = "Status, part layout and the parts S3 already holds (ListParts), so an interrupted client "
                    + "uploads only what is missing.")
    ApiResponse<UploadPartsResponse> parts(@AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "file id from initiate") @PathVariable String fileId) {
        UploadProgress progress = uploadParts.progress(jwt.getSubject(), id(fileId));
        return ApiResponse.of(new UploadPartsResponse(fileId, progress.plan().mode().name(), status(progress.status()),
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
        FreshUrls urls = uploadParts.presign(jwt.getSubject(), id(fileId), body == null ? null : body.partNumbers());
        if (urls.singlePut() != null) {
            return ApiResponse.of(new PartUrlsResponse(null, urls.singlePut().url(), urls.singlePut().headers(),
                    urls.expiresAt()));
        }
        return ApiResponse.of(new PartUrlsResponse(json(urls.parts()), null, null, urls.expiresAt()));
    }

    @PostMapping("/{fileId}/complete")
    @Operation(summary = "Complete the upload",
            description = "Multipart: list every part with the ETag S3 returned for it. Single PUT: empty body. "
                    + "Checks the stored size against the declared one and publishes UploadCompleted. Idempotent: "
                    + "a retry returns the same result.")
    ApiResponse<CompleteUploadResponse> complete(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId,
            @RequestBody(required = false) CompleteUploadRequest body) {
        List<PartETag> listed = body == null || body.parts() == null ? List.of() : body.parts().stream()
                .map(p -> {
                    if (p == null || p.partNumber() == null) {
                        throw InvalidUploadRequest.of("parts", "every part needs a partNumber and an eTag");
                    }
                    return new PartETag(p.partNumber(), p.eTag());
                })
                .toList();
        CompletedUpload completed = completer.complete(jwt.getSubject(), id(fileId), listed);
        return ApiResponse.of(new CompleteUploadResponse(fileId, UploadStatus.COMPLETED.name(), completed.size(),
                completed.eTag()));
    }

    @PostMapping("/{fileId}/abort")
    @Operation(summary = "Abort the upload",
            description = "Drops the multipart upload and any stored bytes and publishes UploadDeleted(ABORTED). "
                    + "Idempotent; a completed upload cannot be aborted (409).")
    ApiResponse<AbortUploadResponse> abort(@AuthenticationPrincipal Jwt jwt, @PathVariable String fileId) {
        aborter.abort(jwt.getSubject(), id(fileId));
        return ApiResponse.of(new AbortUploadResponse(fileId, UploadStatus.ABORTED.name()));
    }

    /** An abort under way is, for the client, an aborted upload: it takes nothing more and will not complete. */
    static String status(UploadStatus status) {
        return switch (status) {
            case ABORTING -> UploadStatus.ABORTED.name();
            // A delete under way is, for the client, a deleted upload: its video is going and its links are dead.
            case DELETING -> UploadStatus.DELETED.name();
            default -> status.name();
        };
    }

    private static List<PartUrlJson> json(List<PartUrl> urls) {
        return urls.stream().map(u -> new PartUrlJson(u.partNumber(), u.url())).toList();
    }

    /** A malformed id cannot name an upload: the same 404 as someone else's upload. */
    static UUID id(String fileId) {
        try {
            UUID id = UUID.fromString(fileId);
            if (!id.toString().equals(fileId.toLowerCase(Locale.ROOT))) {
                throw new UploadNotFound(fileId);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new UploadNotFound(fileId);
        }
    }
}
