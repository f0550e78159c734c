package com.apexshare.identity.web;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asks the trainer to approve a client that requires consent (the CLI), all requested scopes or nothing. Approving
 * posts the scopes back to the endpoint that asked (authorization or device verification); denying posts none, which
 * Spring Authorization Server answers with {@code access_denied}.
 */
@RestController
class ConsentPage {

    private static final Map<String, String> SCOPES = Map.of(
            "openid", "Confirm who you are",
            "profile", "See your name",
            "email", "See your email address",
            "offline_access", "Stay signed in: renew its access without asking you again");

    private final RegisteredClientRepository clients;
    private final AuthorizationServerSettings settings;

    ConsentPage(RegisteredClientRepository clients, AuthorizationServerSettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    @GetMapping(path = Pages.CONSENT, produces = MediaType.TEXT_HTML_VALUE)
    String consent(@RequestParam(name = "client_id") String clientId, @RequestParam String scope,
            @RequestParam String state, @RequestParam(name = "user_code", required = false) String userCode,
            CsrfToken csrf) {
        RegisteredClient client = clients.findByClientId(clientId);
        String clientName = client == null ? clientId : client.getClientName();
        boolean device = userCode != null && !userCode.isBlank();
        String action = device ? settings.getDeviceVerificationEndpoint() : settings.getAuthorizationEndpoint();
        String[] scopes = scope.trim().split("\\s+");
        String list = Arrays.stream(scopes).map(s -> "<li>" + Html.escape(SCOPES.getOrDefault(s, s)) + "</li>")
                .collect(Collectors.joining("\n"));
        String approvedScopes = Arrays.stream(scopes)
                .map(s -> "<input type=\"hidden\" name=\"scope\" value=\"" + Html.escape(s) + "\">")
                .collect(Collectors.joining("\n"));
        String common = """
                <input type="hidden" name="client_id" value="%s">
                <input type="hidden" name="state" value="%s">
                %s%s
                """.formatted(Html.escape(clientId), Html.escape(state),
                device ? "<input type=\"hidden\" name=\"user_code\" value=\"" + Html.escape(userCode) + "\">\n" : "",
                Html.csrf(csrf));
        String codeCheck = device ? """
                <p>Check that your device shows this code:</p>
                <p class="code" aria-label="Device code">%s</p>
                """.formatted(Html.escape(userCode)) : "";
        return Html.page("Allow " + clientName + "?", codeCheck + """
                <p><strong>%s</strong> wants to:</p>
                <ul>
                %s
                </ul>
                <div class="actions">
                <form method="post" action="%s">
                %s%s
                <button type="submit">Allow</button>
                </form>
                <form method="post" action="%s">
                %s
                <button type="submit" class="secondary">Deny</button>
                </form>
                </div>
                """.formatted(Html.escape(clientName), list, Html.escape(action), common, approvedScopes,
                Html.escape(action), common));
    }
}
