/**
 * Who may do what on Kafka: the owners of each catalog topic ({@link com.apexshare.events.access.TopicOwnership}: which
 * client writes it, which consumer groups read it) and the ACLs that follow from them
 * ({@link com.apexshare.events.access.KafkaAcls}), so that a service can write only the topics it owns and read only
 * those it consumes. The Helm chart and docker-compose.yml apply the same bindings (checked by deploy-tests).
 */
package com.apexshare.events.access;
