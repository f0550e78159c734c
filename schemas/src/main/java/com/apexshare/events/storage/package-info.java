/**
 * The object-key contract: where upload-service puts a video in the bucket, and what catalog-service and
 * download-service accept as an upload's own object when an event names one.
 */
package com.apexshare.events.storage;
