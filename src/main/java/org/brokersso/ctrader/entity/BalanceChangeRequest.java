package org.brokersso.ctrader.entity;

import java.math.BigDecimal;

/**
 * Body of call 3.5. {@code preciseAmount} is a plain positive decimal (a JSON number, up to 8
 * decimals); the direction comes from {@code type}. {@code comment} stays internal, {@code
 * externalNote} is shown to the trader, {@code externalId} is the broker's reference.
 */
public record BalanceChangeRequest(
    long login,
    BigDecimal preciseAmount,
    BalanceChangeType type,
    String comment,
    String externalId,
    String externalNote,
    String source) {

  public static BalanceChangeRequest of(
      long login, BalanceChangeType type, BigDecimal amount, String externalId) {
    return new BalanceChangeRequest(login, amount, type, null, externalId, null, null);
  }
}
