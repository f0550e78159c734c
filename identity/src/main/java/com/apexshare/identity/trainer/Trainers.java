package com.apexshare.identity.trainer;

import java.util.Optional;

/** Looks trainers up by their id (the sign-in name). */
public interface Trainers {

    Optional<Trainer> find(String id);
}
