/**
 * The provider's own pages, server-rendered plain HTML forms with CSRF tokens, labels and no external assets: sign-in,
 * the emailed code, the device's user code, consent, sign-out.
 */
package com.apexshare.identity.web;
