/**
 * The gateway: the one public entry point of ApexShare. Feature packages: {@code client} (who is calling: address,
 * scheme, host behind trusted proxies), {@code routing} (the public paths, path normalisation, forwarded headers,
 * API descriptions), {@code signin} (OIDC sign-in for browsers, sessions, CSRF, token relay), {@code ratelimit} (edge
 * limits per client address and per trainer), {@code edge} (security headers, body cap, access log without link
 * tokens) and {@code webapp} (the web app's static files).
 */
package com.apexshare.gateway;
