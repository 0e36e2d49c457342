package org.brokersso.ctrader.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;

/**
 * Answer of call 3.3: the created trader. Money fields are integers scaled by {@code
 * 10^moneyDigits} of this same answer (spec §1.4); {@link #money} turns them into amounts.
 */
public record Trader(
    Long login,
    String groupName,
    String depositCurrency,
    AccessRights accessRights,
    AccountType accountType,
    String brokerName,
    Long balance,
    Long bonus,
    Long nonWithdrawableBonus,
    Long equity,
    Long usedMargin,
    Long freeMargin,
    Long cashEquity,
    Integer moneyDigits,
    Integer leverageInCents,
    TotalMarginCalculationType totalMarginCalculationType,
    @JsonbProperty("isLimitedRisk") Boolean isLimitedRisk,
    Boolean swapFree,
    Boolean sendOwnStatement,
    ContactDetails contactDetails,
    String name,
    String lastName,
    Long registrationTimestamp,
    Long lastUpdateTimestamp) {

  /** A scaled money field of this answer as an amount ({@code 987650}, 2 digits → 9876.50). */
  public BigDecimal money(Long scaled) {
    return scaled == null
        ? null
        : BigDecimal.valueOf(scaled, moneyDigits == null ? 0 : moneyDigits);
  }
}
