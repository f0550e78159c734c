/** Stopping with the process that started the provider, so a killed test JVM leaves no provider behind. */
package com.apexshare.identity.lifecycle;
