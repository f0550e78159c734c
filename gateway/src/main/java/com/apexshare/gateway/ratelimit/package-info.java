/**
 * Edge rate limits: one token bucket per client address on every path but the web app's static files, and one per
 * trainer on the API routes. A trainer is the subject of a browser session, or a bearer token (by its hash: the
 * gateway does not validate tokens, so a made-up token's claims must never name someone else's bucket).
 */
package com.apexshare.gateway.ratelimit;
