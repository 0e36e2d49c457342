package org.brokersso.signin.boundary;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Optional;
import org.brokersso.user.entity.PendingSignup;

/**
 * The screen session's signup between the form and its mailed code, with the form's "keep me logged
 * in". A new signup in the same session replaces it.
 */
@SessionScoped
public class SignupInProgress implements Serializable {

  private static final long serialVersionUID = 1L;

  private PendingSignup pending;
  private boolean keepLoggedIn;

  void hold(PendingSignup pending, boolean keepLoggedIn) {
    this.pending = pending;
    this.keepLoggedIn = keepLoggedIn;
  }

  Optional<PendingSignup> pending() {
    return Optional.ofNullable(pending);
  }

  boolean keepLoggedIn() {
    return keepLoggedIn;
  }

  void drop() {
    pending = null;
  }
}
