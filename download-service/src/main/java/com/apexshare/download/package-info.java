/** download-service: Turns a student link into a short-lived presigned S3 download; publishes Downloaded. */
package com.apexshare.download;
