package org.brokersso.funding.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import org.brokersso.funding.entity.MovementKind;

/**
 * Deposits (InApp flow §6.6, stages 15-17), the service the deposit screen calls: the payment
 * provider collects the money, then call 3.5 DEPOSIT credits it, exactly once, with {@code
 * externalId} {@code dep-<id>}. Collected money is always credited: a refused or unreachable credit
 * leaves the deposit waiting for {@link #complete}, or for an operator when cTrader's answer was
 * lost.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class Deposits {

  @Inject MovementRequests requests;
  @Inject MovementSaga saga;

  /**
   * Deposits {@code amount} (in the account's currency) into a linked trading account of the user.
   * {@code requestKey} identifies the screen's request, so a double click or a repeated post
   * answers with the first deposit and moves nothing again. {@code sandbox} is the outcome chosen
   * on the screen in sandbox mode, and is ignored by a real provider.
   */
  public FundingResult deposit(
      long userId, long traderLogin, BigDecimal amount, String requestKey, SandboxOutcome sandbox) {
    return requests.open(
        MovementKind.DEPOSIT,
        userId,
        traderLogin,
        amount,
        requestKey,
        movement -> saga.run(movement, sandbox));
  }

  /**
   * Resumes a deposit: asks the provider again, or sends the credit that cTrader refused; never one
   * in doubt.
   */
  public FundingResult complete(long movementId) {
    return saga.complete(movementId);
  }
}
