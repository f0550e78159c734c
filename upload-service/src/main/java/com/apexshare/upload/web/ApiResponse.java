package com.apexshare.upload.web;

/** The brief's success envelope: {@code {"success": true, "data": …}}. */
record ApiResponse<T>(boolean success, T data) {

    static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data);
    }
}
