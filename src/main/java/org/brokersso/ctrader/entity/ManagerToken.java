package org.brokersso.ctrader.entity;

/**
 * Answer of call 3.1: the long-lived manager token, sent as {@code ?token=} on every other call.
 */
public record ManagerToken(String webservToken) {

  @Override
  public String toString() {
    return "ManagerToken[hidden]";
  }
}
