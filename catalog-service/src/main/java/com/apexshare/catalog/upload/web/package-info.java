/**
 * The trainer dashboard API: the calling trainer's uploads (JWT {@code sub}), by offset, by cursor with filters, by
 * id; and how the dashboard's own exceptions answer ({@code ApiErrorMapping} beans for the platform's handler).
 */
package com.apexshare.catalog.upload.web;
