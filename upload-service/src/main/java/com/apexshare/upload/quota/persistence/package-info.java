/** The {@code trainer_usage} ledger: one row per started upload, kept for the longest quota window. */
package com.apexshare.upload.quota.persistence;
