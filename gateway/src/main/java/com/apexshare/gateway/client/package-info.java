/**
 * Who is calling: the client's address, scheme and host. The socket's peer is the client unless it is a configured
 * trusted proxy; only then are {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} believed. The reading of
 * {@code X-Forwarded-For} is platform's {@code TrustedProxies}, the same as download-service's, so that a client cannot
 * pick its own address by sending a header.
 */
package com.apexshare.gateway.client;
