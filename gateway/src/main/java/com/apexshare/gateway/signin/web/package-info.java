/**
 * Spring Security adapter of {@code signin}: OIDC login (authorization code with PKCE), sessions kept by Spring Session
 * in PostgreSQL (tokens included, so any replica serves any user), the access token relayed and refreshed, CSRF
 * cookie-to-header for the web app, RP-initiated logout, {@code GET /api/v1/me}, and 401/403 with the error body
 * instead of redirects.
 */
package com.apexshare.gateway.signin.web;
