package com.apexshare.download.link.persistence;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.apexshare.download.link.LinkRecord;
import com.apexshare.download.link.LinkStore;

/** The look-up behind every link opening. */
@Component
class JpaLinkStore implements LinkStore {

    private final LinkTokenRepository links;

    JpaLinkStore(LinkTokenRepository links) {
        this.links = links;
    }

    @Override
    public Optional<LinkRecord> findByTokenSha256(String tokenSha256) {
        return links.findLink(tokenSha256);
    }
}
