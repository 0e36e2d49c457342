package org.brokersso.funding.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import org.brokersso.funding.control.Deposits;
import org.brokersso.funding.control.FundingResult;
import org.brokersso.funding.control.SandboxOutcome;
import org.brokersso.funding.entity.MovementKind;

/** The deposit screen, {@code /inapp/deposit?token=&account=} (§6.6, conformance 6.3.4). */
@Named
@RequestScoped
public class Deposit extends MoneyScreen {

  @Inject Deposits deposits;

  @Override
  FundingResult move(
      long userId, long traderLogin, BigDecimal amount, String requestKey, SandboxOutcome outcome) {
    return deposits.deposit(userId, traderLogin, amount, requestKey, outcome);
  }

  @Override
  MovementKind kind() {
    return MovementKind.DEPOSIT;
  }

  @Override
  String screenPath() {
    return "/inapp/deposit";
  }

  @Override
  String done() {
    return "deposit";
  }
}
