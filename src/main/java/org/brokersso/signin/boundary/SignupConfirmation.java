package org.brokersso.signin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import org.brokersso.metrics.control.Metrics;
import org.brokersso.metrics.entity.Meter;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.user.control.Registration;
import org.brokersso.user.control.Registration.CodeRefused;
import org.brokersso.user.entity.PendingSignup;
import org.brokersso.user.entity.User;

/**
 * The code step of signup ({@code /auth/confirm}): the six digits mailed to the address. The right
 * code stores the trader and signs them in, and the flow goes on as before (account creation, then
 * the success URL). A wrong code, and any code for an address that is already registered, get the
 * same answer; after {@value PendingSignup#ATTEMPTS} wrong codes or {@code
 * Registration.CODE_VALIDITY} the signup must start again.
 */
@Named
@RequestScoped
public class SignupConfirmation {

  @Inject SignupInProgress inProgress;
  @Inject Registration registration;
  @Inject SignInCompletion completion;
  @Inject ScreenResponse response;
  @Inject Clock clock;
  @Inject Metrics metrics;

  private String code;

  public void confirm() {
    var pending = inProgress.pending();
    if (pending.isEmpty()) {
      response.error("confirm.none");
      return;
    }
    try {
      User user = registration.confirm(pending.get(), code);
      metrics.increment(Meter.SIGNUPS, "confirmed");
      inProgress.drop();
      completion.signedIn(user, inProgress.keepLoggedIn());
    } catch (CodeRefused | PersistenceException refused) {
      metrics.increment(Meter.SIGNUPS, "refused");
      if (pending.get().isOverAt(clock.instant())) {
        inProgress.drop();
        response.error("confirm.over");
      } else {
        response.invalid("code", "confirm.wrong");
      }
    }
  }

  /** Whether there is a signup to confirm in this session (the form is shown only then). */
  public boolean isPending() {
    return inProgress.pending().isPresent();
  }

  public String getCode() {
    return null; // never rendered back
  }

  public void setCode(String code) {
    this.code = code;
  }
}
