/**
 * The trainer-facing HTTP API under {@code /api/v1/uploads}: request validation, the mapping between JSON and the
 * upload feature, and how the feature's exceptions answer. The trainer is the token's {@code sub}.
 */
package com.apexshare.upload.upload.web;
