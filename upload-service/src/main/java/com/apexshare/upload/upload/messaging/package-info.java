/** The upload events on Kafka: {@code UploadInitiated}, {@code UploadCompleted} and {@code UploadDeleted} as Avro. */
package com.apexshare.upload.upload.messaging;
