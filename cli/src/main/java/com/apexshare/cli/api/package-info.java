/**
 * The ApexShare HTTP API as the client sees it: the upload and dashboard calls, their JSON shapes, the brief's error
 * body turned into exceptions named as facts, and the retry policy shared with the S3 transfers.
 */
package com.apexshare.cli.api;
