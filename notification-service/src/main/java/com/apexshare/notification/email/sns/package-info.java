/**
 * Amazon SNS as the carrier of SES's configuration-set events: the message's signature checked by AWS's documented
 * algorithm (SignatureVersion 1 SHA1withRSA and 2 SHA256withRSA over the canonical string of the message's fields,
 * the signing certificate fetched over https from a host that must look like {@code sns.<region>.amazonaws.com} and
 * cached), the topic checked against the configured ARNs, subscriptions confirmed, and the SES event mapped to a
 * {@link com.apexshare.notification.email.DeliveryReport}. The HTTP endpoint is in {@code web}.
 */
package com.apexshare.notification.email.sns;
