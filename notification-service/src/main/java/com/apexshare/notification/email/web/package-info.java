/** HTTP adapter of the email feature: the trainer's view of the emails of one upload. */
package com.apexshare.notification.email.web;
