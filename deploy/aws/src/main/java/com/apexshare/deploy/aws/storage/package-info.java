/** The video bucket (KMS-encrypted, private, TLS-only, lifecycle, CORS) and its notification queue. */
package com.apexshare.deploy.aws.storage;
