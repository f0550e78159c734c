/**
 * Deployment checks without a cluster or a Docker engine: the Helm chart in {@code k8s/apexshare} is linted and
 * rendered with helm-java, {@code docker-compose.yml} and the Dockerfiles are parsed, and everything is compared with
 * what the services really read (their {@code application.yaml}) and with the cross-service contracts (topic catalog,
 * public path owners, ports).
 */
package com.apexshare.deploy;
