/**
 * The brief's response bodies ({@link com.apexshare.platform.web.ApiResponse},
 * {@link com.apexshare.platform.web.ErrorResponse}) and the one place that turns failures into them
 * ({@link com.apexshare.platform.web.ApiExceptionHandler}). A service adds only the mapping of its own exceptions, as
 * {@link com.apexshare.platform.web.ApiErrorMapping} beans.
 */
package com.apexshare.platform.web;
