package org.brokersso.ribbon.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.CtraderFailure;
import org.brokersso.kyc.entity.KycDecided;
import org.brokersso.ribbon.entity.Publication;
import org.brokersso.ribbon.entity.RibbonPublication;
import org.brokersso.ribbon.entity.RibbonRollout;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;

/**
 * Pushes the configured ribbons to traders with call 3.9 (§5.7): after signup, again at a login
 * when the last push failed, when a KYC decision changes a trader's set, and for everybody when an
 * operator asks. User ids are the broker's.
 *
 * <p>Guarantee: a push never throws for cTrader's sake, so it cannot break a signup or login; a
 * trader whose push failed stays pending in {@code ribbon_publication} until one succeeds.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED) // no database transaction held across the call to cTrader
public class RibbonPublisher {

  private static final Logger LOG = Logger.getLogger(RibbonPublisher.class.getName());
  private static final int PAGE = 200;

  @Inject Ribbons ribbons;
  @Inject RibbonPublications publications;
  @Inject Users users;
  @Inject CtraderBackend ctrader;

  @Resource ManagedExecutorService executor;

  private final AtomicBoolean running = new AtomicBoolean();

  /** Pushes the trader's current set (after signup, or on an operator's request). */
  public Publication publishTo(long userId) {
    if (!ribbons.enabled()) {
      return Publication.DISABLED;
    }
    Optional<Long> ctidUserId = users.byId(userId).map(User::ctidUserId);
    if (ctidUserId.isEmpty()) {
      publications.failed(userId, null);
      return Publication.NOT_IN_CTRADER;
    }
    try {
      ctrader.showRibbons(ctidUserId.get(), ribbons.forTrader(userId));
    } catch (CtraderFailure failure) {
      LOG.warning(
          () ->
              "Ribbons of user "
                  + userId
                  + " not pushed, retried at the next login: "
                  + failure.getMessage());
      publications.failed(userId, failure.getMessage());
      return Publication.FAILED;
    }
    publications.published(userId);
    return Publication.PUBLISHED;
  }

  /** At login: pushes only when the trader's ribbons were never pushed or the last push failed. */
  public Publication publishIfPending(long userId) {
    if (!ribbons.enabled()) {
      return Publication.DISABLED;
    }
    return publications.isPending(userId) ? publishTo(userId) : Publication.UP_TO_DATE;
  }

  /**
   * Marks every trader pending and pushes to them in the background, in id order; answers false
   * (and does nothing) while a run is already going on this server. Traders the run does not reach
   * (a restart, a failure) stay pending: their next login, or the next run, catches up.
   */
  public boolean publishToAll(String actor) {
    if (!ribbons.enabled() || !running.compareAndSet(false, true)) {
      return false;
    }
    try {
      int traders = publications.markAllPending(actor);
      LOG.info(() -> "Pushing ribbons to " + traders + " traders, asked by " + actor);
      executor.execute(() -> publishPending(Integer.MAX_VALUE));
      return true;
    } catch (RuntimeException e) {
      running.set(false);
      throw e;
    }
  }

  /**
   * Pushes to up to {@code max} pending traders now, on the caller's thread (the retry job);
   * answers the outcomes, or nothing when a run is already going on this server or ribbons are off.
   */
  public Map<Publication, Integer> retryPending(int max) {
    if (!ribbons.enabled() || !running.compareAndSet(false, true)) {
      return Map.of();
    }
    return publishPending(max);
  }

  public RibbonRollout rollout() {
    return new RibbonRollout(
        running.get(),
        publications.count(RibbonPublication.COUNT),
        publications.count(RibbonPublication.COUNT_PENDING),
        publications.count(RibbonPublication.COUNT_FAILED));
  }

  /** A decision on a trader's KYC may add or remove {@code until-kyc-approved} ribbons. */
  void kycDecided(@Observes KycDecided decided) {
    if (!ribbons.enabled() || !ribbons.dependOnKyc()) {
      return;
    }
    try {
      publishTo(decided.userId());
    } catch (RuntimeException e) {
      // the decision is committed; a failed refresh must not make it look failed to its caller
      LOG.log(
          Level.WARNING,
          "Ribbons of user " + decided.userId() + " not refreshed after the KYC decision",
          e);
    }
  }

  /** Pushes to up to {@code max} pending traders, in id order; ends the run. */
  private Map<Publication, Integer> publishPending(int max) {
    Map<Publication, Integer> outcomes = new EnumMap<>(Publication.class);
    try {
      long after = 0;
      int tried = 0;
      for (List<Long> page = publications.pendingAfter(after, PAGE);
          !page.isEmpty() && tried < max;
          page = publications.pendingAfter(after, PAGE)) {
        for (int i = 0; i < page.size() && tried < max; i++, tried++) {
          outcomes.merge(publishTo(page.get(i)), 1, Integer::sum);
          after = page.get(i);
        }
      }
      if (!outcomes.isEmpty()) {
        LOG.info(() -> "Ribbons pushed to pending traders: " + outcomes);
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Pushing ribbons to pending traders stopped after "
              + outcomes
              + "; the rest stay pending",
          e);
    } finally {
      running.set(false);
    }
    return outcomes;
  }
}
