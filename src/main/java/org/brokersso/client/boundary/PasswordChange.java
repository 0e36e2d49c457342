package org.brokersso.client.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.user.boundary.SignedInTrader;
import org.brokersso.user.boundary.TypedPassword;
import org.brokersso.user.control.PasswordHashingBusy;
import org.brokersso.user.control.PasswordPolicy;
import org.brokersso.user.control.ProfileChanges;
import org.brokersso.user.control.ProfileChanges.Throttled;
import org.brokersso.user.control.ProfileChanges.WrongPassword;
import org.brokersso.user.control.RetryAfter;

/**
 * "Change password" at {@code /client/password} (§5.2, design conformance 6.2.1). The change ends
 * every other credential of the trader (tokens, reset links, other browsers); this session stays.
 */
@Named
@RequestScoped
public class PasswordChange {

  @Inject ProfileChanges profile;
  @Inject PasswordPolicy policy;
  @Inject SignedInTrader signedIn;
  @Inject ScreenResponse response;
  @Inject HttpServletRequest request;

  private String current;
  private String replacement;

  public void change() {
    try (TypedPassword old = TypedPassword.of(current);
        TypedPassword fresh = TypedPassword.of(replacement)) {
      var broken = policy.broken(fresh.characters());
      if (broken.isPresent()) {
        response.invalid("replacement", broken.get().messageKey(), policy.minLength());
        return;
      }
      long epoch =
          profile.changePassword(
              signedIn.userId().orElseThrow(),
              old.characters(),
              fresh.characters(),
              request.getRemoteAddr());
      signedIn.renew(epoch); // every other session of the trader has ended; this one goes on
      response.next("/client/accounts", Map.of("done", "password.changed"));
    } catch (WrongPassword wrong) {
      response.invalid("current", "client.wrong-password");
    } catch (Throttled throttled) {
      response.error("login.throttled", RetryAfter.seconds(throttled.retryAfter()));
    } catch (PasswordHashingBusy busy) {
      response.error("busy");
    }
  }

  public String getCurrent() {
    return null; // never rendered back into the page
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getReplacement() {
    return null;
  }

  public void setReplacement(String replacement) {
    this.replacement = replacement;
  }
}
