/** Schema migrations (Flyway, {@code src/main/resources/db/migration}), applied at start-up. */
package org.brokersso.migration;
