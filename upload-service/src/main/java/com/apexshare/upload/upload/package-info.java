/**
 * Uploads from start to completion or abort: the upload session and its state machine, the rules for sizes, parts,
 * names and keys, and the ports the feature owns ({@code UploadSessions}, {@code ObjectStore}, {@code UploadEvents}).
 */
package com.apexshare.upload.upload;
