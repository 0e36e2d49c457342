package org.brokersso.sandbox.control;

import static org.brokersso.ctrader.control.WebservErrorCode.CH_USER_NOT_FOUND;
import static org.brokersso.ctrader.control.WebservErrorCode.TRADER_NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Optional;
import org.brokersso.ctrader.control.CtraderRejection;
import org.brokersso.sandbox.entity.SandboxCtidUser;
import org.brokersso.sandbox.entity.SandboxLink;
import org.brokersso.sandbox.entity.SandboxReferral;
import org.brokersso.sandbox.entity.SandboxTrader;

/**
 * Finds the sandbox's users, traders, links and referrals by the ids cTrader speaks in, refusing an
 * unknown one with the code cTrader would answer. Joins the caller's transaction.
 */
@ApplicationScoped
public class SandboxFinder {

  @PersistenceContext EntityManager em;

  public Optional<SandboxCtidUser> userByEmail(String email) {
    return em.createNamedQuery(SandboxCtidUser.BY_EMAIL, SandboxCtidUser.class)
        .setParameter("email", SandboxCtidUser.normalised(email))
        .getResultStream()
        .findFirst();
  }

  public SandboxCtidUser user(long userId) {
    SandboxCtidUser user = em.find(SandboxCtidUser.class, SandboxCtidUser.idOf(userId));
    if (user == null) {
      throw CtraderRejection.of(CH_USER_NOT_FOUND, "No cTrader user " + userId);
    }
    return user;
  }

  public SandboxTrader trader(long login) {
    SandboxTrader trader = em.find(SandboxTrader.class, SandboxTrader.idOf(login));
    if (trader == null) {
      throw CtraderRejection.of(TRADER_NOT_FOUND, "No trader " + login);
    }
    return trader;
  }

  public Optional<SandboxLink> link(SandboxTrader trader) {
    return em.createNamedQuery(SandboxLink.BY_TRADER, SandboxLink.class)
        .setParameter("traderId", trader.id())
        .getResultStream()
        .findFirst();
  }

  /** The link row of an account-level call, or null for a user-level one. */
  public Long linkIdOf(SandboxCtidUser user, Long ctidTraderAccountId) {
    return ctidTraderAccountId == null ? null : accountOf(user, ctidTraderAccountId).id();
  }

  public SandboxLink accountOf(SandboxCtidUser user, long ctidTraderAccountId) {
    SandboxLink link = em.find(SandboxLink.class, SandboxLink.idOf(ctidTraderAccountId));
    if (link == null || link.userRowId() != SandboxCtidUser.idOf(user.userId())) {
      throw CtraderRejection.of(
          TRADER_NOT_FOUND,
          "No account " + ctidTraderAccountId + " linked to user " + user.userId());
    }
    return link;
  }

  public Optional<SandboxReferral> referral(SandboxCtidUser user, Long linkId) {
    TypedQuery<SandboxReferral> query =
        linkId == null
            ? em.createNamedQuery(SandboxReferral.ON_USER, SandboxReferral.class)
            : em.createNamedQuery(SandboxReferral.ON_ACCOUNT, SandboxReferral.class)
                .setParameter("linkId", linkId);
    return query
        .setParameter("userId", SandboxCtidUser.idOf(user.userId()))
        .getResultStream()
        .findFirst();
  }
}
