/**
 * Wiring between the bundled Hibernate, the server's pool and MicroProfile Config's {@code db.*}
 * keys.
 */
package org.brokersso.persistence;
