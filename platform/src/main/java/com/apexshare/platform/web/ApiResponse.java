package com.apexshare.platform.web;

/**
 * The brief's success body: {@code {"success": true, "data": …}}.
 *
 * @param success always true
 * @param data    the answer
 * @param <T>     type of the answer
 */
public record ApiResponse<T>(boolean success, T data) {

    public static <T> ApiResponse<T> of(T data) {
        return new ApiResponse<>(true, data);
    }
}
