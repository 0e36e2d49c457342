package org.brokersso.signin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.brokersso.metrics.control.Metrics;
import org.brokersso.metrics.entity.Meter;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.user.boundary.TypedPassword;
import org.brokersso.user.control.Authentication;
import org.brokersso.user.control.Authentication.Authenticated;
import org.brokersso.user.control.Authentication.Throttled;
import org.brokersso.user.control.PasswordHashingBusy;
import org.brokersso.user.control.RetryAfter;

/** The login form at {@code /auth/login} (§5.4, §6.2): e-mail, password, "keep me logged in". */
@Named
@RequestScoped
public class Login {

  @Inject Authentication authentication;
  @Inject SignInCompletion completion;
  @Inject ScreenResponse response;
  @Inject HttpServletRequest request;
  @Inject Metrics metrics;

  private String email;
  private String password;
  private boolean keepLoggedIn;

  public void logIn() {
    try (TypedPassword secret = TypedPassword.of(password)) {
      Authentication.Outcome outcome =
          authentication.authenticate(
              email == null ? "" : email, secret.characters(), request.getRemoteAddr());
      if (outcome instanceof Authenticated authenticated) {
        metrics.increment(Meter.LOGINS, "ok");
        completion.signedIn(authenticated.user(), keepLoggedIn);
      } else if (outcome instanceof Throttled throttled) {
        metrics.increment(Meter.LOGINS, "throttled");
        metrics.increment(Meter.THROTTLED, "login");
        response.error("login.throttled", RetryAfter.seconds(throttled.retryAfter()));
      } else {
        metrics.increment(Meter.LOGINS, "wrong");
        response.error("login.wrong");
      }
    } catch (PasswordHashingBusy busy) {
      metrics.increment(Meter.LOGINS, "busy");
      response.error("busy");
    }
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return null; // never rendered back into the page
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isKeepLoggedIn() {
    return keepLoggedIn;
  }

  public void setKeepLoggedIn(boolean keepLoggedIn) {
    this.keepLoggedIn = keepLoggedIn;
  }
}
