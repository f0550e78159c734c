/**
 * Refuses to start a service that still runs on the development defaults (the {@code postgres} database password, an
 * OIDC issuer on loopback) outside the {@code local} and {@code test} profiles, naming each setting to fix, before any
 * bean connects anywhere. A deployment that forgot a setting fails at once instead of running against the wrong server
 * or with a well-known password.
 */
package com.apexshare.platform.startup;
