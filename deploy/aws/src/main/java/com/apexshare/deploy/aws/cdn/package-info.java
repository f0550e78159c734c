/** CloudFront for downloads: Origin Access Control, a key group for signed URLs, an optional WAF web ACL. */
package com.apexshare.deploy.aws.cdn;
