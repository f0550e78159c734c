/**
 * The two filter chains: Spring Authorization Server's endpoints, and the provider's own pages with password sign-in
 * (and the emailed code when the second factor is on).
 */
package com.apexshare.identity.security;
