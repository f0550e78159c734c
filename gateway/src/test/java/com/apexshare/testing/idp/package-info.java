/** A test-only OpenID provider (Spring Authorization Server) for the gateway's sign-in tests. */
package com.apexshare.testing.idp;
