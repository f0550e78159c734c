package com.apexshare.download.link;

import java.util.Optional;

/** Looks links up by the SHA-256 of their token. */
public interface LinkStore {

    /** @param tokenSha256 lower-case hex SHA-256 of the presented token */
    Optional<LinkRecord> findByTokenSha256(String tokenSha256);
}
