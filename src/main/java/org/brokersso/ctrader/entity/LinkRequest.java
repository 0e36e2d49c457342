package org.brokersso.ctrader.entity;

/**
 * Body of call 3.4. {@code returnAccountDetails} is always true, so the answer carries the {@code
 * ctidTraderAccountId} (spec §12 q10).
 */
public record LinkRequest(
    long traderLogin,
    String traderPasswordHash,
    long userId,
    String brokerName,
    String environmentName,
    boolean returnAccountDetails) {

  @Override
  public String toString() {
    return "LinkRequest[traderLogin="
        + traderLogin
        + ", userId="
        + userId
        + ", "
        + brokerName
        + "/"
        + environmentName
        + "]";
  }
}
