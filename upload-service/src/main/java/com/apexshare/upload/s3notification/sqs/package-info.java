/**
 * The AWS source of S3 notifications: long-polls the SQS queue the bucket (or SNS) notifies and hands each message to
 * the bridge. On only when a queue URL is configured.
 */
package com.apexshare.upload.s3notification.sqs;
