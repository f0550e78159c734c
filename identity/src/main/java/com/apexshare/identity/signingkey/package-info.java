/** The one piece of state the provider keeps: its RSA signing key, in a JWK file that survives restarts. */
package com.apexshare.identity.signingkey;
