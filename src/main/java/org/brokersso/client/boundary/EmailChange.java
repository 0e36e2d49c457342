package org.brokersso.client.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.brokersso.ctrader.control.CtraderFailure;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.user.boundary.SignedInTrader;
import org.brokersso.user.boundary.TypedPassword;
import org.brokersso.user.control.PasswordHashingBusy;
import org.brokersso.user.control.ProfileChanges;
import org.brokersso.user.control.ProfileChanges.EmailTaken;
import org.brokersso.user.control.ProfileChanges.Throttled;
import org.brokersso.user.control.ProfileChanges.WrongPassword;
import org.brokersso.user.control.RetryAfter;
import org.brokersso.user.entity.EmailAddress;

/** "Change e-mail" at {@code /client/email} (§5.2, §6.9): cTrader learns it through call 3.10. */
@Named
@RequestScoped
public class EmailChange {

  @Inject ProfileChanges profile;
  @Inject SignedInTrader signedIn;
  @Inject ScreenResponse response;
  @Inject HttpServletRequest request;

  private String email;
  private String password;

  public void change() {
    try (TypedPassword secret = TypedPassword.of(password)) {
      var problem = EmailAddress.problemWith(email);
      if (problem.isPresent()) {
        response.invalid("email", problem.get().messageKey());
        return;
      }
      profile.changeEmail(
          signedIn.userId().orElseThrow(),
          EmailAddress.of(email),
          secret.characters(),
          request.getRemoteAddr());
      response.next("/client/accounts", Map.of("done", "email.changed"));
    } catch (WrongPassword wrong) {
      response.invalid("password", "client.wrong-password");
    } catch (Throttled throttled) {
      response.error("login.throttled", RetryAfter.seconds(throttled.retryAfter()));
    } catch (EmailTaken taken) {
      response.invalid("email", "signup.email-taken");
    } catch (CtraderFailure failure) {
      response.error("client.ctrader-failed");
    } catch (PasswordHashingBusy busy) {
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
}
