/**
 * {@code apexshare upload}: one initiate per file, then the file's bytes straight to S3 through presigned URLs (one PUT,
 * or parts in parallel read with positional reads), retried with fresh URLs when needed, then complete. A state file
 * per upload lets a re-run resume: only the parts S3 does not hold yet are sent.
 */
package com.apexshare.cli.upload;
