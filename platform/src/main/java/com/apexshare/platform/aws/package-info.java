/**
 * AWS SDK v2 clients configured the same way everywhere: region, an optional endpoint override (S3Proxy, MinIO,
 * aws-ses-v2-local), path-style addressing, and static keys or the SDK's default credentials chain (IRSA, instance
 * profile) when the keys are blank.
 */
package com.apexshare.platform.aws;
