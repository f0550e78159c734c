/**
 * The schema evolution guard: every current event schema must stay backward and forward compatible with each of its
 * released versions, so that old consumers read new events and new consumers read old ones.
 */
package com.apexshare.events.evolution;
