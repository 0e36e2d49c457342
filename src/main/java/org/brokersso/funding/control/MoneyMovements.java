package org.brokersso.funding.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.funding.entity.MoneyMovement;
import org.brokersso.funding.entity.MovementKind;

/**
 * The journal of deposits and withdrawals: every step is written, and audited, in a transaction of
 * its own. It is committed before the next call to the payment provider or cTrader goes out. Each
 * step locks the movement's row, so the check of its state and the change are one. Of two callers
 * (a double click, a retry job), only one ever sends a given 3.5.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class MoneyMovements {

  static final String SAGA = "funding";

  @PersistenceContext EntityManager em;

  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** Records a new movement; fails on a request key already used (the unique constraint). */
  public MoneyMovement request(MoneyMovement movement) {
    em.persist(movement);
    em.flush();
    audited(movement, "user", "requested");
    return movement;
  }

  /** A request refused before anything was recorded, kept in the audit trail only. */
  public void refused(
      MovementKind kind, long userId, long traderLogin, BigDecimal amount, FundingReason reason) {
    audit.record(
        AuditEvent.refusal(clock.instant(), "user", action(kind))
            .user(userId, null)
            .detail(kind + " of " + amount + " on login " + traderLogin + ": " + reason));
  }

  public Optional<MoneyMovement> byRequestKey(String requestKey) {
    return em.createNamedQuery(MoneyMovement.BY_REQUEST_KEY, MoneyMovement.class)
        .setParameter("requestKey", requestKey)
        .getResultStream()
        .findFirst();
  }

  public MoneyMovement find(long id) {
    return Optional.ofNullable(em.find(MoneyMovement.class, id))
        .orElseThrow(() -> new IllegalArgumentException("No money movement " + id));
  }

  /** The movement of a reference ({@code dep-<id>}, {@code wdr-<id>}), if there is one. */
  public Optional<MoneyMovement> byReference(String reference) {
    for (MovementKind kind : MovementKind.values()) {
      Optional<MoneyMovement> found =
          kind.idOf(reference)
              .map(id -> em.find(MoneyMovement.class, id))
              .filter(movement -> movement.kind() == kind);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** A user's deposits and withdrawals, newest first. */
  public List<MoneyMovement> ofUser(long userId) {
    return em.createNamedQuery(MoneyMovement.OF_USER, MoneyMovement.class)
        .setParameter("userId", userId)
        .setMaxResults(500)
        .getResultList();
  }

  /** Movements not in a final state, oldest first. */
  public List<MoneyMovement> unfinished() {
    return em.createNamedQuery(MoneyMovement.UNFINISHED, MoneyMovement.class)
        .setParameter("states", Arrays.asList(MoneyMovement.unfinishedStates()))
        .getResultList();
  }

  /** Records the payment provider's answer, unless another caller already did. */
  public MoneyMovement paymentAnswered(long id, Payment payment) {
    MoneyMovement movement = locked(id);
    if (movement.awaitsPayment()) {
      movement.paymentAnswered(payment.reference(), payment.outcome(), clock.instant());
      audited(movement, SAGA, "payment " + payment.reference());
    }
    return movement;
  }

  /** A step failed and the state stays; the error is kept for the operator. */
  public MoneyMovement failed(long id, String error) {
    MoneyMovement movement = locked(id);
    movement.failed(error, clock.instant());
    audited(movement, SAGA, error);
    return movement;
  }

  /**
   * Claims the right to send the 3.5 due: empty when it is not due (any more), because another
   * caller sent it.
   */
  public Optional<MoneyMovement> bookingSent(long id) {
    MoneyMovement movement = locked(id);
    if (!movement.awaitsBooking()) {
      return Optional.empty();
    }
    movement.bookingSent(clock.instant());
    audited(
        movement, SAGA, "3.5 " + movement.booking().type() + " " + movement.booking().externalId());
    return Optional.of(movement);
  }

  /** cTrader booked the 3.5: the movement and the balance the client area shows move together. */
  public MoneyMovement booked(long id, long balanceHistoryId, String actor) {
    MoneyMovement movement = locked(id);
    Instant now = clock.instant();
    BigDecimal delta = movement.booked(balanceHistoryId, now);
    em.createNamedQuery(TraderAccount.BY_LOGIN, TraderAccount.class)
        .setParameter("traderLogin", movement.traderLogin())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .ifPresent(account -> account.balanceMoved(delta, now));
    audited(movement, actor, "balanceHistoryId " + balanceHistoryId);
    return movement;
  }

  public MoneyMovement bookingRefused(long id, boolean notEnoughMoney, String error) {
    MoneyMovement movement = locked(id);
    movement.bookingRefused(notEnoughMoney, error, clock.instant());
    audited(movement, SAGA, error);
    return movement;
  }

  public MoneyMovement bookingLost(long id, String error) {
    MoneyMovement movement = locked(id);
    movement.bookingLost(error, clock.instant());
    audited(movement, SAGA, error);
    return movement;
  }

  /** An operator found no booking of the movement's {@code externalId} in cTrader. */
  public MoneyMovement notBooked(long id, String actor) {
    MoneyMovement movement = locked(id);
    movement.notBooked(clock.instant());
    audited(movement, actor, "not booked in cTrader");
    return movement;
  }

  private MoneyMovement locked(long id) {
    MoneyMovement movement = em.find(MoneyMovement.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (movement == null) {
      throw new IllegalArgumentException("No money movement " + id);
    }
    return movement;
  }

  private void audited(MoneyMovement movement, String actor, String note) {
    Instant now = clock.instant();
    AuditAction action = action(movement.kind());
    AuditEvent event =
        FundingResult.of(movement) instanceof FundingResult.Refused
            ? AuditEvent.refusal(now, actor, action)
            : AuditEvent.success(now, actor, action);
    audit.record(
        event.user(movement.userId(), null).detail(movement + (note == null ? "" : ": " + note)));
  }

  private static AuditAction action(MovementKind kind) {
    return kind == MovementKind.DEPOSIT ? AuditAction.DEPOSIT : AuditAction.WITHDRAWAL;
  }
}
