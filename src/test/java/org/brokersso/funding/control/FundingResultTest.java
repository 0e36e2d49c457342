package org.brokersso.funding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.brokersso.funding.entity.MovementKind;
import org.brokersso.funding.entity.MovementState;
import org.brokersso.funding.entity.StoredMovements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FundingResultTest {

  @ParameterizedTest
  @EnumSource(MovementState.class)
  void finalStatesAreMovedOrRefusedAndTheOthersUnfinished(MovementState state) {
    FundingResult result = FundingResult.of(StoredMovements.inState(MovementKind.DEPOSIT, state));
    boolean moved = state == MovementState.CREDITED || state == MovementState.PAID_OUT;
    assertEquals(moved, result instanceof FundingResult.Moved, state.name());
    assertEquals(state.isFinal() && !moved, result instanceof FundingResult.Refused, state.name());
    assertEquals(!state.isFinal(), result instanceof FundingResult.Unfinished, state.name());
  }

  @Test
  void theTraderLearnsWhy() {
    assertEquals(FundingReason.NOT_ENOUGH_MONEY, refusal(MovementState.REFUSED_NOT_ENOUGH_MONEY));
    assertEquals(FundingReason.PAYMENT_DECLINED, refusal(MovementState.PAYMENT_DECLINED));
    assertEquals(FundingReason.PAYOUT_DECLINED, refusal(MovementState.REVERSED));
    assertEquals(FundingReason.IN_DOUBT, waiting(MovementState.CREDIT_IN_DOUBT));
    assertEquals(FundingReason.CTRADER_UNAVAILABLE, waiting(MovementState.PAYMENT_APPROVED));
    assertEquals(FundingReason.PENDING, waiting(MovementState.DEBIT_SENT));
  }

  private static FundingReason refusal(MovementState state) {
    return assertInstanceOf(
            FundingResult.Refused.class,
            FundingResult.of(StoredMovements.inState(MovementKind.DEPOSIT, state)))
        .reason();
  }

  private static FundingReason waiting(MovementState state) {
    return assertInstanceOf(
            FundingResult.Unfinished.class,
            FundingResult.of(StoredMovements.inState(MovementKind.DEPOSIT, state)))
        .reason();
  }
}
