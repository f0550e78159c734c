/** MIME adapter of the email feature: the one message both transports send, built from the domain's letter. */
package com.apexshare.notification.email.mime;
