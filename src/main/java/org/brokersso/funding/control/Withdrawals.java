package org.brokersso.funding.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import org.brokersso.funding.entity.MovementKind;

/**
 * Withdrawals (InApp flow §6.6, conformance 6.3.5), the service the withdrawal screen calls. Call
 * 3.5 WITHDRAW ({@code externalId} {@code wdr-<id>}) debits the account before anything is paid out
 * (spec §9), so the trader cannot trade with money on its way out. If cTrader refuses with
 * NOT_ENOUGH_MONEY, nothing else happens. Only then does the payment provider pay out. A declined
 * payout is re-credited once with 3.5 DEPOSIT ({@code wdr-rev-<id>}).
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class Withdrawals {

  @Inject MovementRequests requests;
  @Inject MovementSaga saga;

  /**
   * Withdraws {@code amount} (in the account's currency) from a linked trading account of the user;
   * {@code requestKey} and {@code sandbox} as for {@link Deposits#deposit}.
   */
  public FundingResult withdraw(
      long userId, long traderLogin, BigDecimal amount, String requestKey, SandboxOutcome sandbox) {
    return requests.open(
        MovementKind.WITHDRAWAL,
        userId,
        traderLogin,
        amount,
        requestKey,
        movement -> saga.run(movement, sandbox));
  }

  /**
   * Resumes a withdrawal: the payout once debited, or the re-credit of a failed payout; never one
   * in doubt.
   */
  public FundingResult complete(long movementId) {
    return saga.complete(movementId);
  }
}
