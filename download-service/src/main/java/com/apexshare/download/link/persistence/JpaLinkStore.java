package com.apexshare.download.link.persistence;

import java.util.Optional;

import org.springframework.stereotype.Repository;

import com.apexshare.download.link.LinkRecord;
import com.apexshare.download.link.LinkStore;

/** The look-up behind every link opening. */
@Repository
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
