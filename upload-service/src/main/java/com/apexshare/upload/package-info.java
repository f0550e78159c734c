/** upload-service: starts presigned direct-to-S3 uploads, completes them, and bridges S3 notifications onto Kafka. */
package com.apexshare.upload;
