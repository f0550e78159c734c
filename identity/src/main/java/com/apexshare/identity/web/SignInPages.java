package com.apexshare.identity.web;

import java.security.Principal;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.identity.IdentityProperties;
import com.apexshare.identity.trainer.Trainer;
import com.apexshare.identity.trainer.Trainers;

/** Sign-in with a password, the emailed code when the second factor is on, and sign-out. */
@RestController
class SignInPages {

    private final Trainers trainers;
    private final boolean mfa;

    SignInPages(Trainers trainers, IdentityProperties properties) {
        this.trainers = trainers;
        this.mfa = properties.mfa().enabled();
    }

    @GetMapping(path = Pages.LOGIN, produces = MediaType.TEXT_HTML_VALUE)
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            CsrfToken csrf) {
        String message = error != null ? Html.alert("Wrong username or password.")
                : logout != null ? Html.note("You are signed out.") : "";
        return Html.page("Sign in", message + """
                <form method="post" action="/login">
                <label for="username">Username</label>
                <input type="text" id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input type="password" id="password" name="password" autocomplete="current-password" required>
                %s
                <button type="submit">Sign in</button>
                </form>
                """.formatted(Html.csrf(csrf)));
    }

    @GetMapping(path = Pages.CODE, produces = MediaType.TEXT_HTML_VALUE)
    String code(@RequestParam(required = false) String sent, @RequestParam(required = false) String unsent,
            @RequestParam(required = false) String error, @RequestParam(required = false) String token,
            Principal principal, CsrfToken csrf) {
        if (!mfa) {
            return Html.page("Signed in", Html.note("No second factor is needed here."));
        }
        String email = trainers.find(principal.getName()).map(Trainer::email).orElse(null);
        String message = error != null ? Html.alert("That code is wrong or has expired. Ask for a new one.")
                : unsent != null ? Html.alert("The code could not be sent. Try again in a moment.")
                : sent != null ? Html.note("We sent a code to " + masked(email) + ".")
                : Html.note("Your password was right. One more step: a code sent to " + masked(email) + ".");
        return Html.page("Enter your sign-in code", message + """
                <form method="post" action="/login/ott">
                <label for="token">One-time code from the email</label>
                <input type="text" id="token" name="token" value="%s" autocomplete="one-time-code" required autofocus>
                %s
                <button type="submit">Continue</button>
                </form>
                <form method="post" action="/ott/generate">
                %s
                <button type="submit" class="secondary">Email me a code</button>
                </form>
                """.formatted(Html.escape(token), Html.csrf(csrf), Html.csrf(csrf)));
    }

    @GetMapping(path = "/logout", produces = MediaType.TEXT_HTML_VALUE)
    String logout(CsrfToken csrf) {
        return Html.page("Sign out", """
                <p>Sign out of ApexShare on this browser?</p>
                <form method="post" action="/logout">
                %s
                <button type="submit">Sign out</button>
                </form>
                """.formatted(Html.csrf(csrf)));
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(Principal principal, CsrfToken csrf) {
        return Html.page("Signed in", """
                <p>You are signed in as <strong>%s</strong>. This is ApexShare's development sign-in service;
                go back to the application you came from.</p>
                <form method="post" action="/logout">
                %s
                <button type="submit" class="secondary">Sign out</button>
                </form>
                """.formatted(Html.escape(principal.getName()), Html.csrf(csrf)));
    }

    /** {@code t•••@example.com}: enough to recognise one's address, not to learn it. */
    static String masked(String email) {
        if (email == null || email.indexOf('@') < 1) {
            return "your email address";
        }
        int at = email.indexOf('@');
        return email.charAt(0) + "•••" + email.substring(at);
    }
}
