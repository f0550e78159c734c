/** The trainer dashboard API: the calling trainer's uploads (JWT {@code sub}), by offset, by cursor with filters, by id. */
package com.apexshare.catalog.upload.web;
