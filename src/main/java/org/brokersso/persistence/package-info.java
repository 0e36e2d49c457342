/**
 * Wiring between the bundled Hibernate, the server's pool and MicroProfile Config's {@code db.*}
 * keys; and the transaction rule every capability follows ({@link
 * org.brokersso.persistence.Boundary}, {@link org.brokersso.persistence.Refusal};
 * docs/architecture.md "Where transactions begin").
 */
package org.brokersso.persistence;
