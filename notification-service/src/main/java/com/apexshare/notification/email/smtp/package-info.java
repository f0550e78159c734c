/** SMTP transport: any relay (the local run's devstack server, a corporate relay, SES's SMTP interface). */
package com.apexshare.notification.email.smtp;
