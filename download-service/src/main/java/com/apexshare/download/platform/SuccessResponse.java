package com.apexshare.download.platform;

/**
 * The brief's success body: {@code {"success": true, "data": ...}}.
 *
 * @param success always true
 * @param data    the answer
 * @param <T>     type of the answer
 */
public record SuccessResponse<T>(boolean success, T data) {

    public static <T> SuccessResponse<T> of(T data) {
        return new SuccessResponse<>(true, data);
    }
}
