/**
 * ApexShare's event contracts: the Avro classes generated from {@code src/main/avro}, the typed topic catalog
 * ({@link com.apexshare.events.Topics}) and the Kafka serde. This module is the only code that services share.
 */
package com.apexshare.events;
