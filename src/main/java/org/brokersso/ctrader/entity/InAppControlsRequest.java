package org.brokersso.ctrader.entity;

import java.util.List;

/** Body of call 3.9, V4 layout ({@code userId} at the top level; spec §12 q13). */
public record InAppControlsRequest(String brokerCrmName, long userId, InAppRules rules) {

  /** The ribbons replace the user's set; an empty list clears it with {@code "rules": {}}. */
  public static InAppControlsRequest of(String brokerCrmName, long userId, List<Ribbon> ribbons) {
    return new InAppControlsRequest(
        brokerCrmName, userId, new InAppRules(ribbons.isEmpty() ? null : List.copyOf(ribbons)));
  }
}
