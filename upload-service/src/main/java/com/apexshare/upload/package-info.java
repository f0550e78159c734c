/**
 * upload-service: starts presigned direct-to-S3 uploads, completes and aborts them ({@code upload}), and bridges S3
 * ObjectCreated notifications onto Kafka ({@code s3notification}). This package holds only the application and its
 * configuration properties.
 */
package com.apexshare.upload;
