package com.apexshare.identity.web;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a trainer types the code their device (the CLI) shows (the device flow's {@code verification_uri}), and the
 * page after approval. The code from {@code verification_uri_complete} is filled in but still confirmed by hand, so a
 * link someone else sent cannot sign their device in with one click (RFC 8628 section 5.4).
 */
@RestController
class DevicePages {

    private final String verificationEndpoint;

    DevicePages(AuthorizationServerSettings settings) {
        this.verificationEndpoint = settings.getDeviceVerificationEndpoint();
    }

    @GetMapping(path = Pages.ACTIVATE, produces = MediaType.TEXT_HTML_VALUE)
    String activate(@RequestParam(name = "user_code", required = false) String userCode,
            @RequestParam(required = false) String error, CsrfToken csrf) {
        String message = "denied".equals(error) ? Html.alert("You denied access. The device is not signed in.")
                : error != null ? Html.alert("That code is not valid or has expired. Check the code your device "
                        + "shows, or start again on the device.")
                : "";
        return Html.page("Sign in a device", message + """
                <p>Enter the code shown by the ApexShare command line. Only continue if you started the sign-in
                yourself.</p>
                <form method="post" action="%s">
                <label for="user_code">Device code</label>
                <input type="text" id="user_code" name="user_code" class="code" value="%s" autocomplete="off"
                       autocapitalize="characters" spellcheck="false" required autofocus>
                %s
                <button type="submit">Continue</button>
                </form>
                """.formatted(Html.escape(verificationEndpoint), Html.escape(userCode), Html.csrf(csrf)));
    }

    @GetMapping(path = Pages.ACTIVATED, produces = MediaType.TEXT_HTML_VALUE)
    String activated() {
        return Html.page("Device signed in",
                Html.note("Your device is signed in. You can close this window and go back to it."));
    }
}
