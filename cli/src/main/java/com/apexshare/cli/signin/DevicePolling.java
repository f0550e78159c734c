package com.apexshare.cli.signin;

import java.time.Duration;
import java.time.Instant;

/**
 * The device flow's polling rules (RFC 8628 section 3.5): the issuer's interval, else the default (5 s); 5 s more at
 * each {@code slow_down}; {@code authorization_pending} waits on; anything else ends the sign-in. Polls stop at the
 * code's expiry, after one last try.
 */
final class DevicePolling {

    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    /** What to do after an answer. */
    sealed interface Next permits Wait, Stop {
    }

    /** Poll again after this pause. */
    record Wait(Duration pause) implements Next {
    }

    /** The sign-in is over: the message says why. */
    record Stop(String message) implements Next {
    }

    private final Instant deadline;
    private Duration interval;

    DevicePolling(Long issuerInterval, Duration defaultInterval, Instant deadline) {
        this.interval = issuerInterval != null && issuerInterval > 0 ? Duration.ofSeconds(issuerInterval)
                : defaultInterval;
        this.deadline = deadline;
    }

    Duration interval() {
        return interval;
    }

    /** After the issuer refused a poll with this OAuth error, at this time. */
    Next after(String error, Instant now) {
        switch (error) {
            case "authorization_pending" -> {
                return waitOrExpire(now);
            }
            case "slow_down" -> {
                interval = interval.plus(SLOW_DOWN_STEP);
                return waitOrExpire(now);
            }
            case "access_denied" -> {
                return new Stop("the sign-in was denied in the browser (or the code was used already): run "
                        + "apexshare login again to retry");
            }
            case "expired_token" -> {
                return expired();
            }
            default -> {
                return new Stop("the issuer ended the sign-in: " + error);
            }
        }
    }

    /** After a poll that got no OAuth answer (network, 5xx): keep trying until the code expires. */
    Next afterTrouble(Instant now) {
        return waitOrExpire(now);
    }

    private Next waitOrExpire(Instant now) {
        if (!now.isBefore(deadline)) {
            return expired();
        }
        Duration left = Duration.between(now, deadline);
        // One last poll right at the deadline, so an approval in the final seconds still counts.
        return new Wait(left.compareTo(interval) < 0 ? left : interval);
    }

    private static Stop expired() {
        return new Stop("the code expired before anyone approved it: run apexshare login again");
    }
}
