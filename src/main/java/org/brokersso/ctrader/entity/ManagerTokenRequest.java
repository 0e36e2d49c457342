package org.brokersso.ctrader.entity;

/**
 * Body of call 3.1. {@code hashedPassword} is the MD5 hex of the manager password, never the
 * password.
 */
public record ManagerTokenRequest(long login, String hashedPassword) {

  @Override
  public String toString() {
    return "ManagerTokenRequest[login=" + login + "]";
  }
}
