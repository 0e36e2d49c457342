package org.brokersso.ctrader.entity;

/**
 * One ribbon of call 3.9. {@code ctidTraderAccountId} is a string here, as the contract types it
 * for ribbons only (spec §9); {@code brokerName} and it are optional filters.
 */
public record Ribbon(
    String color,
    String title,
    boolean enabled,
    boolean closable,
    RibbonAction action,
    String brokerName,
    String ctidTraderAccountId) {

  public static Ribbon of(String color, String title, boolean closable, RibbonAction action) {
    return new Ribbon(color, title, true, closable, action, null, null);
  }

  public Ribbon forAccount(long ctidTraderAccountId) {
    return new Ribbon(
        color, title, enabled, closable, action, brokerName, Long.toString(ctidTraderAccountId));
  }
}
