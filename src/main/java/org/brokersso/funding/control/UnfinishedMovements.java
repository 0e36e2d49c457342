package org.brokersso.funding.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import org.brokersso.funding.entity.MoneyMovement;

/**
 * What a retry job or an operator works through. It lists the movements that are not final, and
 * resumes them with {@link MovementSaga#complete}. It settles those whose 3.5 is out or in doubt,
 * once the operator has looked in cTrader's balance history for their {@code externalId} ({@code
 * dep-<id>}, {@code wdr-<id>}, {@code wdr-rev-<id>}). Settle only after {@code ctrader.timeout} has
 * passed since the movement's last update: until then, an answer may still arrive.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class UnfinishedMovements {

  @Inject MoneyMovements journal;
  @Inject MovementSaga saga;

  /** Movements not in a final state, oldest first. */
  public List<MoneyMovement> all() {
    return journal.unfinished();
  }

  /** Runs the steps due; one in doubt stays as it is. */
  public FundingResult complete(long movementId) {
    return saga.complete(movementId);
  }

  /**
   * cTrader holds the booking ({@code balanceHistoryId} found); {@link #complete} then takes the
   * next step.
   */
  public FundingResult booked(long movementId, long balanceHistoryId, String operator) {
    return FundingResult.of(journal.booked(movementId, balanceHistoryId, actor(operator)));
  }

  /**
   * cTrader holds no such booking: as if it had been refused; a credit is sent again by {@link
   * #complete}.
   */
  public FundingResult notBooked(long movementId, String operator) {
    return FundingResult.of(journal.notBooked(movementId, actor(operator)));
  }

  private static String actor(String operator) {
    String actor = "operator " + operator;
    return actor.length() <= 64 ? actor : actor.substring(0, 64); // the audit trail's actor column
  }
}
