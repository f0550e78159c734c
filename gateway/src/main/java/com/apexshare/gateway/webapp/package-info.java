/**
 * The web app's built files, served from {@code classpath:/static/}: {@code index.html} is revalidated on every load,
 * content-hashed assets under {@code /assets/} are cached for a year, and the app's client-side routes fall back to
 * {@code index.html}.
 */
package com.apexshare.gateway.webapp;
