/**
 * The S3 notification bridge: turns S3 ObjectCreated event messages (S3's JSON event format, also MinIO's, optionally
 * wrapped by SNS) for {@code videos/} keys of the configured bucket into completed uploads and {@code UploadCompleted},
 * after HeadObject. The messages arrive on the raw Kafka topic ({@code messaging}) or from an SQS queue ({@code sqs}).
 */
package com.apexshare.upload.s3notification;
