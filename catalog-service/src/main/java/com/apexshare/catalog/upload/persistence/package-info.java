/**
 * PostgreSQL adapter of the catalog, with Spring Data JPA: set-based, order-independent upserts of whole polls
 * (native statements over {@code unnest}ed arrays, one per kind of fact) and JPA reads for the dashboard.
 */
package com.apexshare.catalog.upload.persistence;
