/**
 * The trainer-facing HTTP API under {@code /api/v1/uploads}: request validation, the brief's success envelope, and the
 * mapping between JSON and the upload service. The trainer is the token's {@code sub}.
 */
package com.apexshare.upload.web;
