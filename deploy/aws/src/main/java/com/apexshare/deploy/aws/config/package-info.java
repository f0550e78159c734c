/**
 * The per-stage configuration (dev, staging, prod) every stack reads: names, retention, CORS origins, queue sizes,
 * the cluster's OIDC issuer and service accounts, and which optional concerns (CDN, WAF, audit) a stage has.
 */
package com.apexshare.deploy.aws.config;
