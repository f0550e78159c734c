/** SES: the sending domain with DKIM and the configuration set publishing delivery events to SNS. */
package com.apexshare.deploy.aws.email;
