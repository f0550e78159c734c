/**
 * Sign-in for browsers (backend-for-frontend): the gateway is the OIDC client (authorization code with PKCE), keeps
 * the tokens in the server-side session and relays the access token to the services; the browser holds only a
 * session cookie. API clients (CLI, scripts) send their own bearer token, which passes untouched.
 */
package com.apexshare.gateway.signin;
