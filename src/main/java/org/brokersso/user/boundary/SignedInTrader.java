package org.brokersso.user.boundary;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Optional;

/**
 * Who this screen session belongs to, once login or signup succeeded, and what the login asked for:
 * "keep me logged in" (§6.3) travels with the session until the OT token is minted. It also keeps
 * the generation of the trader's credentials it signed in under ({@code User#credentialEpoch}):
 * {@link CurrentTrader} lets the session act only while that generation is current. An InApp
 * opening never signs anybody in here (it is an {@code inapp} grant of its own).
 */
@SessionScoped
public class SignedInTrader implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long userId;
  private long credentialEpoch;
  private boolean keepLoggedIn;
  private String returnTo;
  private Long pendingAccount;

  public void signIn(long userId, long credentialEpoch, boolean keepLoggedIn) {
    if (this.userId == null || this.userId != userId) {
      pendingAccount = null;
    }
    this.userId = userId;
    this.credentialEpoch = credentialEpoch;
    this.keepLoggedIn = keepLoggedIn;
  }

  /**
   * The session changed the password itself: it stays signed in under the new generation while
   * every other session of the trader ends.
   */
  public void renew(long credentialEpoch) {
    this.credentialEpoch = credentialEpoch;
  }

  long credentialEpoch() {
    return credentialEpoch;
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
