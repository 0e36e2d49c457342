package org.brokersso.persistence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.env.spi.IdentifierCaseStrategy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfiguredDialectTest {

  @Test
  @DisplayName("a database that could not be asked: db.url names the dialect and the name casing")
  void urlDecidesWhenTheDatabaseIsAway() {
    String embedded = "jdbc:h2:file:./data/broker-sso;MODE=MySQL;DATABASE_TO_LOWER=TRUE";
    assertInstanceOf(H2Dialect.class, ConfiguredDialect.forUrl(embedded));
    assertEquals(IdentifierCaseStrategy.LOWER, ConfiguredDialect.unquotedCase(embedded));
    assertEquals(IdentifierCaseStrategy.UPPER, ConfiguredDialect.unquotedCase("jdbc:h2:mem:x"));
    String mysql = "jdbc:mysql://db.example.internal:3306/brokersso";
    assertInstanceOf(MySQLDialect.class, ConfiguredDialect.forUrl(mysql));
    assertEquals(IdentifierCaseStrategy.MIXED, ConfiguredDialect.unquotedCase(mysql));
  }
}
