/** S3 adapter of retention (AWS SDK v2; any S3-compatible endpoint by configuration). */
package com.apexshare.catalog.retention.s3;
