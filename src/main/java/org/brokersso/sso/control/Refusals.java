package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.sso.entity.ContractError;
import org.brokersso.sso.entity.ContractViolation;
import org.brokersso.user.entity.User;

/** Records a refused call in the audit trail and builds the violation the caller throws. */
@ApplicationScoped
public class Refusals {

  /** The audit trail's actor for every call that cTrader's backend makes on us. */
  public static final String CTRADER = "ctrader-backend";

  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * A refusal whose message is also the audit detail; for a failed client authentication the caller
   * only ever reads "Client authentication failed", so a prober learns nothing about which tokens
   * exist, while the trail keeps the reason.
   */
  public ContractViolation refuse(
      AuditAction action, ContractError error, String message, String tokenHash, User user) {
    AuditEvent event =
        AuditEvent.refusal(clock.instant(), CTRADER, action).token(tokenHash).detail(message);
    if (user != null) {
      event.user(user.id(), user.ctidUserId());
    }
    audit.record(event);
    return new ContractViolation(
        error,
        error == ContractError.CLIENT_AUTH_FAILURE ? "Client authentication failed" : message);
  }
}
