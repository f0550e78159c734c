package com.apexshare.identity.trainer;

import java.util.List;

/**
 * A trainer as the tokens describe them.
 *
 * @param id    stable identifier: the sign-in name, the tokens' {@code sub}
 * @param roles the tokens' {@code roles}
 */
public record Trainer(String id, String name, String email, List<String> roles) {

    public Trainer {
        roles = List.copyOf(roles);
    }
}
