package org.brokersso.funding.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import org.brokersso.funding.control.FundingResult;
import org.brokersso.funding.control.SandboxOutcome;
import org.brokersso.funding.control.Withdrawals;
import org.brokersso.funding.entity.MovementKind;

/** The withdrawal screen, {@code /inapp/withdraw?token=&account=} (§6.6, conformance 6.3.5). */
@Named
@RequestScoped
public class Withdrawal extends MoneyScreen {

  @Inject Withdrawals withdrawals;

  @Override
  FundingResult move(
      long userId, long traderLogin, BigDecimal amount, String requestKey, SandboxOutcome outcome) {
    return withdrawals.withdraw(userId, traderLogin, amount, requestKey, outcome);
  }

  @Override
  MovementKind kind() {
    return MovementKind.WITHDRAWAL;
  }

  @Override
  String screenPath() {
    return "/inapp/withdraw";
  }

  @Override
  String done() {
    return "withdrawal";
  }
}
