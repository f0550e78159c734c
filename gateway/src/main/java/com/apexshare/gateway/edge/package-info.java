/**
 * What every answer carries and what every request may be: security headers (a strict Content Security Policy,
 * HSTS behind TLS only, nosniff, no referrer, no framing), a cap on request bodies, and an access log that never
 * writes a student's link token.
 */
package com.apexshare.gateway.edge;
