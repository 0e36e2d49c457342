package org.brokersso.ctrader.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * Body of call 3.3 (create a trader), WS/V3/V4 layout. {@code brokerName} is filled in by the
 * backend from configuration when the caller leaves it null (a white label passes its own). {@code
 * balance} is sent as 0 unless given, as real integrations do (spec §12 q7 leaves its unit open).
 */
public record TraderRequest(
    AccessRights accessRights,
    AccountType accountType,
    Long balance,
    String brokerName,
    String depositCurrency,
    String groupName,
    String hashedPassword,
    Integer leverageInCents,
    TotalMarginCalculationType totalMarginCalculationType,
    ContactDetails contactDetails,
    String description,
    @JsonbProperty("isLimitedRisk") Boolean isLimitedRisk,
    String lastName,
    LimitedRiskMarginCalculationStrategy limitedRiskMarginCalculationStrategy,
    Integer maxLeverage,
    String name,
    Boolean sendOwnStatement,
    Boolean sendStatementToBroker,
    Boolean swapFree) {

  /** The required fields; everything optional stays unset. */
  public static TraderRequest of(
      String depositCurrency,
      String groupName,
      String hashedPassword,
      int leverageInCents,
      AccountType accountType) {
    return new TraderRequest(
        AccessRights.FULL_ACCESS,
        accountType,
        0L,
        null,
        depositCurrency,
        groupName,
        hashedPassword,
        leverageInCents,
        TotalMarginCalculationType.MAX,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public TraderRequest forBroker(String configuredBrokerName) {
    if (brokerName != null) {
      return this;
    }
    return copy(
        configuredBrokerName,
        balance == null ? 0L : balance,
        contactDetails,
        name,
        lastName,
        description);
  }

  public TraderRequest holder(String name, String lastName, ContactDetails contactDetails) {
    return copy(brokerName, balance, contactDetails, name, lastName, description);
  }

  public TraderRequest described(String description) {
    return copy(brokerName, balance, contactDetails, name, lastName, description);
  }

  /**
   * The one place that lists every field: the fields the product ever changes are the parameters.
   */
  private TraderRequest copy(
      String brokerName,
      Long balance,
      ContactDetails contactDetails,
      String name,
      String lastName,
      String description) {
    return new TraderRequest(
        accessRights,
        accountType,
        balance,
        brokerName,
        depositCurrency,
        groupName,
        hashedPassword,
        leverageInCents,
        totalMarginCalculationType,
        contactDetails,
        description,
        isLimitedRisk,
        lastName,
        limitedRiskMarginCalculationStrategy,
        maxLeverage,
        name,
        sendOwnStatement,
        sendStatementToBroker,
        swapFree);
  }

  @Override
  public String toString() {
    return "TraderRequest[" + brokerName + ", " + groupName + ", " + depositCurrency + "]";
  }
}
