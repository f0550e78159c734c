package com.apexshare.download.link.persistence;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.apexshare.download.link.SentLinks;
import com.apexshare.download.link.UploadView;

/** Stores each link once, keyed by its token hash. */
@Component
class JpaSentLinks implements SentLinks {

    private final LinkTokenRepository links;

    JpaSentLinks(LinkTokenRepository links) {
        this.links = links;
    }

    @Override
    public void recordIfNew(UploadView.SentLink link) {
        links.insertIfAbsent(link.tokenSha256(), link.fileId(), link.expiresAt(), link.sentAt(), link.linkGeneration());
    }

    @Override
    public int forgetUnmatchedExpiredBefore(Instant cutoff) {
        return links.deleteUnmatchedExpiredBefore(cutoff);
    }
}
