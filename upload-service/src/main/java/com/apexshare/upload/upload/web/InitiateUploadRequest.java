package com.apexshare.upload.upload.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/uploads/initiate}; the rules that depend on configuration are in the validator. */
record InitiateUploadRequest(
        @Schema(example = "rider@example.com") @NotBlank @Size(max = 254) String studentEmail,
        @Schema(example = "Alex Rider") @NotBlank @Size(max = 200) String studentName,
        @Schema(example = "Sam Coach") @NotBlank @Size(max = 200) String trainerName,
        @Schema(example = "2026-05-14", type = "string", format = "date") @NotNull LocalDate sessionDate,
        @Schema(example = "Watch your braking points in turn 3.") @Size(max = 4000) String notes,
        @Schema(example = "GX010042.MP4") @NotBlank @Size(max = 255) String fileName,
        @Schema(example = "4294967296", description = "bytes") @NotNull @Positive Long fileSize,
        @Schema(example = "video/mp4") @NotBlank @Size(max = 127) String contentType) {

    /**
     * The brief's contract carries the trainer's name in the body; a client (the CLI) may leave it out and rely on the
     * identity token's {@code name} claim instead.
     */
    InitiateUploadRequest withTrainerNameOr(String tokenName) {
        if ((trainerName != null && !trainerName.isBlank()) || tokenName == null || tokenName.isBlank()) {
            return this;
        }
        return new InitiateUploadRequest(studentEmail, studentName, tokenName, sessionDate, notes, fileName, fileSize,
                contentType);
    }

    @Override
    public String toString() {
        return "InitiateUploadRequest[fileSize=" + fileSize + ", contentType=" + contentType + "]";
    }
}
