/** S3 adapter of the links: presigned GET URLs with the download's file name and media type. */
package com.apexshare.download.link.s3;
