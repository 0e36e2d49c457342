package org.brokersso.signin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.user.boundary.TypedPassword;
import org.brokersso.user.control.PasswordHashingBusy;
import org.brokersso.user.control.PasswordPolicy;
import org.brokersso.user.control.PasswordResets;
import org.brokersso.user.control.PasswordResets.LinkInvalid;

/**
 * The new-password form behind an e-mailed link, {@code /auth/reset?token=} (conformance 6.3.9): on
 * success the trader is signed in to the client area with a confirmation, and the new password is
 * the one the login form takes from now on.
 */
@Named
@RequestScoped
public class PasswordReset {

  @Inject PasswordResets resets;
  @Inject PasswordPolicy policy;
  @Inject SignInCompletion completion;
  @Inject ScreenResponse response;

  private String token;
  private String password;

  public boolean isUsable() {
    return resets.isUsable(token);
  }

  public void reset() {
    try (TypedPassword secret = TypedPassword.of(password)) {
      var broken = policy.broken(secret.characters());
      if (broken.isPresent()) {
        response.invalid("password", broken.get().messageKey(), policy.minLength());
        return;
      }
      completion.signedInToClientArea(resets.reset(token, secret.characters()), "reset.done");
    } catch (LinkInvalid invalid) {
      response.error("reset.invalid");
    } catch (PasswordHashingBusy busy) {
      response.error("busy");
    }
  }

  /** The trader's address, in a read-only field that lets a password manager file the password. */
  public String getUsername() {
    return resets.holder(token).orElse(null);
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getPassword() {
    return null; // never rendered back into the page
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
