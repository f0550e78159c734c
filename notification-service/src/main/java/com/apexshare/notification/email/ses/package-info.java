/** Amazon SES v2 transport ({@code SendEmail} with the raw MIME message), with SES's errors classified. */
package com.apexshare.notification.email.ses;
