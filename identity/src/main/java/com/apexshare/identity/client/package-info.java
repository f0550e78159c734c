/**
 * The two registered clients (the gateway, confidential; the CLI, public) and what a public client needs beyond
 * Spring Authorization Server's defaults: authenticating by client id alone where no PKCE verifier exists (device
 * flow, refresh), and refresh tokens that rotate at every use.
 */
package com.apexshare.identity.client;
