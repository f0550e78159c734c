/**
 * Spring Data JPA adapter of the link view: the uploads (locked while a fact is applied), the e-mailed links, the
 * page visits that have counted (one row per link and visit id), the look-up of a link by its token hash (one indexed
 * query), and the retention deletes. Native queries only where PostgreSQL features are needed: {@code INSERT … ON
 * CONFLICT DO NOTHING} so that concurrent first events create a row once and a visit counts once, and a
 * data-modifying {@code WITH} so that an upload and its links are forgotten in one statement. The adapters are plain
 * components: the Spring Data repositories translate exceptions already, and the link look-up is on every opening's
 * path.
 */
package com.apexshare.download.link.persistence;
