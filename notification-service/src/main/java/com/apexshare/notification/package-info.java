/** notification-service: Emails the student a secure download link once per completed upload (SES or SMTP); publishes EmailSent. */
package com.apexshare.notification;
