/** The Kafka source of S3 notifications: the raw notification topic, read as text, into the bridge. */
package com.apexshare.upload.s3notification.messaging;
