package com.apexshare.download.link;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code apexshare.downloads.opened} (tag {@code channel}) and {@code apexshare.downloads.refused} (tag
 * {@code reason}). Reasons are finer here than in the HTTP answers: metrics are for operators, not for clients.
 */
public class DownloadMetrics {

    public static final String OPENED = "apexshare.downloads.opened";
    public static final String REFUSED = "apexshare.downloads.refused";

    /** Why a link opening was refused. */
    public enum Refusal {
        /** not a 43-character base64url token */
        MALFORMED,
        /** no link with that hash */
        UNKNOWN,
        /** the upload is not (yet) complete, or its metadata has not arrived */
        NOT_READY,
        /** the link's or the upload's end has passed */
        EXPIRED,
        /** the upload was aborted or removed */
        DELETED,
        /** the trainer revoked the links, or the link is of an address the trainer has since corrected */
        REVOKED,
        /** the object is in a bucket this service does not serve */
        FOREIGN_BUCKET,
        /** the client went over its rate limit */
        RATE_LIMITED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Events refused because they contradict what the view knows (tags {@code event}, {@code reason}). */
    public static final String REJECTED = "apexshare.events.rejected";
    /** Links held because their upload was not known and complete yet. */
    public static final String PARKED = "apexshare.links.parked";

    private final Map<DownloadChannel, Counter> opened = new EnumMap<>(DownloadChannel.class);
    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);
    private final MeterRegistry registry;
    private final Counter parked;

    public DownloadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.parked = Counter.builder(PARKED)
                .description("Links held until their upload is known and complete (LinkIssued, EmailSent)")
                .register(registry);
        for (DownloadChannel channel : DownloadChannel.values()) {
            opened.put(channel, Counter.builder(OPENED).description("Download links opened successfully")
                    .tag("channel", channel.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        for (Refusal reason : Refusal.values()) {
            refused.put(reason, Counter.builder(REFUSED).description("Download link openings refused")
                    .tag("reason", reason.tag()).register(registry));
        }
    }

    public void opened(DownloadChannel channel) {
        opened.get(channel).increment();
    }

    public void refused(Refusal reason) {
        refused.get(reason).increment();
    }

    /** An event not believed: dead-lettered, or a parked link dropped. */
    public void rejected(String event, String reason) {
        Counter.builder(REJECTED)
                .description("Events refused because their facts contradict what the service knows")
                .tag("event", event).tag("reason", reason).register(registry).increment();
    }

    public void parked() {
        parked.increment();
    }
}
