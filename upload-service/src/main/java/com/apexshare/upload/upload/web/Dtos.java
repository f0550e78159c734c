package com.apexshare.upload.upload.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** JSON shapes of the upload API (the contract the trainer CLI and the browser are built against). */
final class Dtos {

    private Dtos() {
    }

    record PartUrlJson(int partNumber, String url) {
    }

    record MultipartJson(String uploadId, long partSize, int partCount, List<PartUrlJson> parts) {
    }

    /** {@code multipart} is null for SINGLE_PUT; {@code uploadUrl} null for MULTIPART (both always present). */
    record InitiateUploadResponse(String fileId, String uploadMode, String uploadUrl, Map<String, String> fields,
            Instant expiresAt, MultipartJson multipart) {
    }

    record UploadedPartJson(int partNumber, String eTag, long size) {
    }

    record UploadPartsResponse(String fileId, String uploadMode, String status, long partSize, int partCount,
            long fileSize, List<UploadedPartJson> uploadedParts) {
    }

    record PartUrlsRequest(List<Integer> partNumbers) {
    }

    /** Multipart: {@code parts}; single PUT: {@code uploadUrl} and {@code fields}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PartUrlsResponse(List<PartUrlJson> parts, String uploadUrl, Map<String, String> fields,
            Instant expiresAt) {
    }

    record CompletedPartJson(Integer partNumber, String eTag) {
    }

    record CompleteUploadRequest(List<CompletedPartJson> parts) {
    }

    record CompleteUploadResponse(String fileId, String status, long size, String eTag) {
    }

    record AbortUploadResponse(String fileId, String status) {
    }
}
