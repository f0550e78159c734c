/**
 * CloudFront adapter of the links: when downloads go through a CloudFront distribution in front of the bucket, the
 * download URL is a CloudFront URL signed with a canned policy (the SDK's {@code CloudFrontUtilities}) instead of an
 * S3 presigned URL; same lifetime, same attachment name. Off unless {@code apexshare.download.cloudfront.enabled};
 * its settings are checked at start-up ({@link com.apexshare.download.link.cloudfront.InvalidCloudFrontSettings}).
 */
package com.apexshare.download.link.cloudfront;
