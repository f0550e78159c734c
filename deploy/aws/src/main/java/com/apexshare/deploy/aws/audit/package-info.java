/** CloudTrail data events of the video bucket, into a log bucket of their own. */
package com.apexshare.deploy.aws.audit;
