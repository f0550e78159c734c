package com.apexshare.cli.signin;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Sign-in on another device (RFC 8628): the trainer opens the issuer's page anywhere, signs in and approves the code
 * shown here while the client polls the token endpoint.
 */
final class DeviceFlow {

    /** Not {@code openid}: Spring Authorization Server refuses it in the device flow; the access token has the claims. */
    static final String SCOPES = "profile email offline_access";
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

    private final IssuerClient issuer;
    private final String clientId;
    private final PrintWriter err;
    private final Clock clock;
    private final Duration defaultInterval;

    DeviceFlow(IssuerClient issuer, String clientId, PrintWriter err, Clock clock, Duration defaultInterval) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.err = err;
        this.clock = clock;
        this.defaultInterval = defaultInterval;
    }

    TokenGrant signIn() {
        IssuerClient.DeviceAuthorization device;
        try {
            device = issuer.deviceAuthorization(clientId, SCOPES);
        } catch (TokenRequestRefused e) {
            throw new SignInNotCompleted(issuer.metadata().issuer() + " refused the device sign-in for client "
                    + clientId + ": " + e.describe());
        }
        Instant deadline = clock.instant().plusSeconds(device.expiresIn());
        err.println("Open " + device.verificationUri() + " on any device, sign in and enter the code " + device.userCode());
        if (device.verificationUriComplete() != null) {
            err.println("  or open " + device.verificationUriComplete());
        }
        err.println("Waiting for your approval (the code expires in " + minutes(device.expiresIn())
                + "; Ctrl-C to cancel)...");
        err.flush();
        DevicePolling polling = new DevicePolling(device.interval(), defaultInterval, deadline);
        Map<String, String> poll = Map.of("grant_type", GRANT_TYPE, "device_code", device.deviceCode(),
                "client_id", clientId);
        Duration pause = polling.interval();
        boolean troubleSaid = false;
        while (true) {
            sleep(pause);
            DevicePolling.Next next;
            try {
                return issuer.token(poll);
            } catch (TokenRequestRefused e) {
                next = polling.after(e.error(), clock.instant());
            } catch (IssuerFailed e) {
                if (!troubleSaid) {
                    err.println(e.getMessage() + "; still trying until the code expires");
                    err.flush();
                    troubleSaid = true;
                }
                next = polling.afterTrouble(clock.instant());
            }
            if (next instanceof DevicePolling.Stop stop) {
                throw new SignInNotCompleted(stop.message());
            }
            pause = ((DevicePolling.Wait) next).pause();
        }
    }

    private static String minutes(long seconds) {
        return seconds >= 120 ? seconds / 60 + " minutes" : seconds + " seconds";
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInNotCompleted("interrupted while waiting for the approval");
        }
    }
}
