package org.brokersso.user.boundary;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Optional;

/**
 * Who this screen session belongs to, once login or signup succeeded, and what the login asked for:
 * "keep me logged in" (§6.3) travels with the session until the OT token is minted.
 */
@SessionScoped
public class SignedInTrader implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long userId;
  private boolean keepLoggedIn;
  private String returnTo;
  private Long pendingAccount;

  public void signIn(long userId, boolean keepLoggedIn) {
    if (this.userId == null || this.userId != userId) {
      pendingAccount = null;
    }
    this.userId = userId;
    this.keepLoggedIn = keepLoggedIn;
  }

  public void signOut() {
    userId = null;
    keepLoggedIn = false;
    pendingAccount = null;
  }

  /**
   * An account request cTrader has not finished yet; the next press resumes it (no second account).
   */
  public void pendingAccount(Long accountId) {
    this.pendingAccount = accountId;
  }

  public Optional<Long> pendingAccount() {
    return Optional.ofNullable(pendingAccount);
  }

  public Optional<Long> userId() {
    return Optional.ofNullable(userId);
  }

  public boolean keepLoggedIn() {
    return keepLoggedIn;
  }

  /** Where a login that a client-area page asked for returns to, instead of the success URL. */
  public void returnTo(String path) {
    this.returnTo = path;
  }

  public Optional<String> takeReturnTo() {
    Optional<String> path = Optional.ofNullable(returnTo);
    returnTo = null;
    return path;
  }
}
