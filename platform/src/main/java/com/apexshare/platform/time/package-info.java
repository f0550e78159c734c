/** The service's one {@link java.time.Clock}: tests substitute their own to move time without sleeping. */
package com.apexshare.platform.time;
