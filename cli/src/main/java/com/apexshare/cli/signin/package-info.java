/**
 * Who the client calls the API as: {@code apexshare login} (the device flow, or a browser on this machine with a
 * loopback redirect and PKCE), the sign-in kept owner-only in {@code credentials.json} and renewed with its rotating
 * refresh token, {@code logout}, {@code whoami}, and the {@code --api-url}/{@code --token} options every API command
 * has ({@code APEXSHARE_TOKEN} wins over the stored sign-in, for scripts).
 */
package com.apexshare.cli.signin;
