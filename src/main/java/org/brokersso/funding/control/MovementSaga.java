package org.brokersso.funding.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.CtraderRejection;
import org.brokersso.ctrader.control.CtraderUnreachable;
import org.brokersso.ctrader.control.RateLimitBackOff;
import org.brokersso.ctrader.control.WebservErrorCode;
import org.brokersso.funding.entity.Booking;
import org.brokersso.funding.entity.MoneyMovement;
import org.brokersso.funding.entity.MovementState;

/**
 * Moves a deposit or withdrawal on, step by step, until it is final or has to wait. Each step is
 * the payment provider (collect, pay out) or call 3.5 (credit, debit, re-credit), and the movement
 * itself says which is due (see {@code MoneyMovement}). It waits when the provider has not decided
 * or cannot be reached, when cTrader refused a credit, and when a 3.5 is out or its answer was
 * lost.
 *
 * <p>Every step is recorded ({@link MoneyMovements}) before the next call goes out, so running it
 * again, after any failure or crash, never repeats what is done. A 3.5 is sent only by the caller
 * who moved the movement to {@code *_SENT}. A {@link CtraderUnreachable} is never taken as "not
 * done": whether cTrader booked it is unknown, so the movement stops in doubt, exactly like a lost
 * 3.3 in onboarding (contract-choices B19).
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED) // never hold a database transaction open across a call out
public class MovementSaga {

  private static final Logger LOG = Logger.getLogger(MovementSaga.class.getName());

  @Inject MoneyMovements journal;
  @Inject CtraderBackend ctrader;
  @Inject PaymentProviderSelector payments;
  @Inject RateLimitBackOff backOff;

  /** Movements with a later attempt scheduled on this server. */
  private final Set<Long> resuming = ConcurrentHashMap.newKeySet();

  /**
   * Runs the steps due; {@code sandbox} is the trader's choice on the screen, read only by the
   * sandbox provider.
   */
  public FundingResult run(MoneyMovement movement, SandboxOutcome sandbox) {
    return run(movement, sandbox, 0);
  }

  private FundingResult run(MoneyMovement movement, SandboxOutcome sandbox, int laterAttempt) {
    MoneyMovement current = movement;
    while (!current.state().isFinal() && !current.isBookingOut()) {
      MovementState before = current.state();
      current = current.awaitsPayment() ? pay(current, sandbox) : book(current, laterAttempt);
      if (current.state() == before) {
        break; // waits: undecided payment, unreachable provider, refused credit
      }
    }
    return FundingResult.of(current);
  }

  /** Resumes a movement after a failure or a crash, without the screen's sandbox choice. */
  public FundingResult complete(long movementId) {
    return run(journal.find(movementId), null);
  }

  private MoneyMovement pay(MoneyMovement movement, SandboxOutcome sandbox) {
    Optional<PaymentProvider> provider = payments.provider();
    if (provider.isEmpty()) {
      return journal.failed(movement.id(), "no payment provider (funding.provider=none)");
    }
    try {
      String reference = movement.paymentReference();
      Payment payment =
          reference == null
              ? provider.get().start(order(movement, sandbox))
              : new Payment(reference, provider.get().outcome(reference));
      return journal.paymentAnswered(movement.id(), payment);
    } catch (PaymentUnavailable unavailable) {
      LOG.warning(
          () ->
              movement
                  + ": payment provider unavailable, waiting for a retry: "
                  + unavailable.getMessage());
      return journal.failed(movement.id(), unavailable.getMessage());
    }
  }

  private MoneyMovement book(MoneyMovement movement, int laterAttempt) {
    Optional<MoneyMovement> claimed = journal.bookingSent(movement.id());
    if (claimed.isEmpty()) {
      return journal.find(movement.id());
    }
    Booking booking = claimed.get().booking();
    try {
      long balanceHistoryId =
          ctrader.changeBalance(
              movement.traderLogin(), booking.type(), movement.amount(), booking.externalId());
      return journal.booked(movement.id(), balanceHistoryId, MoneyMovements.SAGA);
    } catch (CtraderRejection rejection) {
      MoneyMovement refused =
          journal.bookingRefused(
              movement.id(),
              rejection.is(WebservErrorCode.NOT_ENOUGH_MONEY),
              rejection.getMessage());
      if (rejection.isRateLimit() && !refused.state().isFinal()) {
        resumeLater(refused, rejection, laterAttempt);
      }
      return refused;
    } catch (CtraderUnreachable unreachable) {
      LOG.warning(
          () ->
              movement
                  + ": 3.5 "
                  + booking.externalId()
                  + " got no answer; in doubt until an operator settles it");
      return journal.bookingLost(movement.id(), unreachable.getMessage());
    }
  }

  /**
   * A credit or re-credit refused for cTrader's rate limit waits; it is completed later on the
   * scheduled executor instead of holding the screen's thread (a debit so refused has ended with
   * nothing moved, and the trader may ask again).
   */
  private void resumeLater(MoneyMovement movement, CtraderRejection rejection, int attempt) {
    long id = movement.id();
    if (resuming.add(id)
        && backOff
            .later(movement.toString(), rejection, attempt, () -> resume(id, attempt + 1))
            .isEmpty()) {
      resuming.remove(id);
    }
  }

  private void resume(long id, int attempt) {
    resuming.remove(id);
    try {
      run(journal.find(id), null, attempt);
    } catch (RuntimeException failure) {
      LOG.warning(() -> "Movement " + id + " not resumed: " + failure.getMessage());
    }
  }

  private static PaymentOrder order(MoneyMovement movement, SandboxOutcome sandbox) {
    return new PaymentOrder(
        movement.reference(),
        movement.kind(),
        movement.userId(),
        movement.traderLogin(),
        movement.amount(),
        movement.currency(),
        sandbox);
  }
}
