/**
 * Kafka serializer and deserializer for ApexShare events in Avro's standard single-object encoding
 * (two marker bytes, the writer schema's 8-byte CRC-64-AVRO fingerprint, then the Avro binary body). Readers resolve
 * older writer schemas by fingerprint from the released schema history, so no registry server is needed.
 */
package com.apexshare.events.serde;
