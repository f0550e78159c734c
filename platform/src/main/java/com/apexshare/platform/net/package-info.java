/**
 * Who a request came from: IP literals parsed without name lookups, CIDR blocks, and the client address behind trusted
 * proxies. Shared by the gateway (client of every request) and download-service (its per-address rate limit), so that
 * both believe exactly the same {@code X-Forwarded-For} entries.
 */
package com.apexshare.platform.net;
