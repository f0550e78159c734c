/** catalog-service: System of record for upload metadata in PostgreSQL, built from the events; serves the trainer dashboard. */
package com.apexshare.catalog;
