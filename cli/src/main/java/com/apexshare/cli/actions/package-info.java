/**
 * The trainer's actions on a completed upload from the command line: {@code resend}, {@code change-address},
 * {@code expiry}, {@code revoke}, {@code delete} (the last two ask for {@code --yes}) and {@code reminders}. Each one
 * calls its API endpoint and prints where the upload stands afterwards.
 */
package com.apexshare.cli.actions;
