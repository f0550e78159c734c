/**
 * JWT resource-server security for trainer-facing services: RS256 tokens from the configured OIDC issuer, issuer and
 * audience checked (the audience in {@code aud}, or in {@code client_id} for issuers such as Cognito), and a trainer
 * role required on every endpoint that is not a probe, a metric or the API description. A missing or bad token answers
 * 401, a token without the role 403, both with the brief's error body.
 */
package com.apexshare.platform.security;
