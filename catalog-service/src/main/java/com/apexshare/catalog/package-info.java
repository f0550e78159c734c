/**
 * catalog-service: system of record for upload metadata in PostgreSQL, built from the events; serves the trainer
 * dashboard and enforces retention. Features: {@code upload} (the catalog and its dashboard), {@code retention}.
 */
package com.apexshare.catalog;
