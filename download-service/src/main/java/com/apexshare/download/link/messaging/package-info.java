/**
 * Kafka adapter of the link view: decodes the upload and notification events into the view's facts.
 */
package com.apexshare.download.link.messaging;
