/**
 * PostgreSQL adapter of the link view: order-tolerant upserts from the events and the look-up by token hash.
 */
package com.apexshare.download.link.jdbc;
