/** IRSA roles: one per service, trusted by the cluster's OIDC provider for exactly its service account. */
package com.apexshare.deploy.aws.identity;
