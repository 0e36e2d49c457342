package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.brokersso.audit.control.AuditTrail;
import org.brokersso.audit.entity.AuditAction;
import org.brokersso.audit.entity.AuditEvent;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.CtraderFailure;
import org.brokersso.user.entity.User;

/**
 * Attributes a new trader to the partner whose {@code partnerId} their signup URL carried (§6.8
 * stage 15): call 3.6 once cTrader knows the user. A failure leaves the referral pending and the
 * next login tries again, so a partner never loses a trader to a passing outage.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED) // no database transaction held across the call to cTrader
public class PartnerAttribution {

  private static final Logger LOG = Logger.getLogger(PartnerAttribution.class.getName());

  @Inject Users users;
  @Inject CtraderBackend ctrader;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Takes up to {@code max} deferred attributions again, in id order (the retry job); answers how
   * many were tried. Each goes through {@link #applyPending}, as a login's would.
   */
  public int retryDeferred(int max) {
    int tried = 0;
    long after = 0;
    while (tried < max) {
      List<Long> page = users.pendingReferralsAfter(after, max - tried);
      if (page.isEmpty()) {
        break;
      }
      for (long userId : page) {
        applyPending(userId);
        after = userId;
        tried++;
      }
    }
    return tried;
  }

  public void applyPending(long userId) {
    User user =
        users
            .byId(userId)
            .orElseThrow(() -> new IllegalArgumentException("No broker user " + userId));
    if (user.ctidUserId() == null || user.pendingReferral().isEmpty()) {
      return;
    }
    String partnerId = user.pendingReferral().get();
    try {
      ctrader.setPartner(user.ctidUserId(), null, partnerId);
    } catch (CtraderFailure failure) {
      LOG.warning(
          () ->
              "Partner attribution of user "
                  + userId
                  + " deferred to the next login: "
                  + failure.getMessage());
      return;
    }
    users.record(
        userId,
        u -> {
          u.referralApplied(clock.instant());
          audit.record(
              AuditEvent.success(clock.instant(), "user", AuditAction.PARTNER_ATTRIBUTION)
                  .user(u.id(), u.ctidUserId())
                  .detail("partner " + partnerId));
        });
  }
}
