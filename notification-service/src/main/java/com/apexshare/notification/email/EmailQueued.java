package com.apexshare.notification.email;

import java.util.UUID;

/** In-process signal that an email became due, so that the dispatcher need not wait for its next poll. */
record EmailQueued(UUID fileId) {
}
