package org.brokersso.ctrader.entity;

/** Body of the redeem call (spec §3, "N.1"): the one-time token cTrader put in the page's URL. */
public record InAppTokenRedeemRequest(String token) {

  @Override
  public String toString() {
    return "InAppTokenRedeemRequest[hidden]";
  }
}
