/**
 * The S3 side of uploads: {@link com.apexshare.upload.s3.ObjectStore}, the small interface the service owns, and its
 * AWS SDK v2 implementation (S3Client + S3Presigner, path-style configurable for S3Proxy and MinIO).
 */
package com.apexshare.upload.s3;
