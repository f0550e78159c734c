/**
 * The S3 side of uploads: the {@code ObjectStore} port on AWS SDK v2 (S3Client and S3Presigner from the platform's
 * {@code S3Clients}, path-style configurable for S3Proxy and MinIO).
 */
package com.apexshare.upload.upload.s3;
