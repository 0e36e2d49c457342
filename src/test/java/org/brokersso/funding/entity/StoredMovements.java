package org.brokersso.funding.entity;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Test only: movements as the journal hands them out, with the id (and any state) the database
 * holds.
 */
public final class StoredMovements {

  public static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
  public static final BigDecimal AMOUNT = new BigDecimal("100.50");

  private StoredMovements() {}

  public static MoneyMovement stored(MovementKind kind, long id) {
    MoneyMovement movement = new MoneyMovement(kind, 11, 3100042, AMOUNT, "USD", "key-" + id, NOW);
    set(movement, "id", id);
    return movement;
  }

  public static MoneyMovement inState(MovementKind kind, MovementState state) {
    MoneyMovement movement = stored(kind, 1);
    set(movement, "state", state);
    return movement;
  }

  static void set(MoneyMovement movement, String field, Object value) {
    try {
      Field f = MoneyMovement.class.getDeclaredField(field);
      f.setAccessible(true);
      f.set(movement, value);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
