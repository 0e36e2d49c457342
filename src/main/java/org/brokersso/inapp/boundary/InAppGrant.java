package org.brokersso.inapp.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * What one InApp opening allows (§6.6): the screen the 4.4 token was used on, and its form posts,
 * for that token's trader (and, on a money screen, that trading account) until {@code until}. It is
 * no sign-in: the client area never sees it, and it never replaces the browser's own trader.
 */
public final class InAppGrant implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long userId;
  private final long credentialEpoch;
  private final Long account;
  private final String screen;
  private final Instant until;
  private Long pendingAccount;

  InAppGrant(long userId, long credentialEpoch, Long account, String screen, Instant until) {
    this.userId = userId;
    this.credentialEpoch = credentialEpoch;
    this.account = account;
    this.screen = screen;
    this.until = until;
  }

  public long userId() {
    return userId;
  }

  /** The generation of the trader's credentials it was opened under; a newer one ends it. */
  long credentialEpoch() {
    return credentialEpoch;
  }

  /** The trading account a money screen was opened for; empty on the other screens. */
  public Optional<Long> account() {
    return Optional.ofNullable(account);
  }

  public String screen() {
    return screen;
  }

  boolean isLiveAt(Instant now) {
    return now.isBefore(until);
  }

  /**
   * An account request cTrader has not finished yet on the account-creation screen; pressing again
   * resumes it (no second account).
   */
  public Optional<Long> pendingAccount() {
    return Optional.ofNullable(pendingAccount);
  }

  public void pendingAccount(Long accountId) {
    this.pendingAccount = accountId;
  }
}
