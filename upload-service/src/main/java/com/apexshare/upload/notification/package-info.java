/**
 * The S3 notification bridge: turns S3 ObjectCreated event messages (S3's JSON event format, also MinIO's, optionally
 * wrapped by SNS) for {@code videos/} keys of the configured bucket into {@code UploadCompleted}, after HeadObject.
 */
package com.apexshare.upload.notification;
