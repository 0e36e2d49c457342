package org.brokersso.client.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Set;
import org.brokersso.account.control.Onboarding;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.screen.boundary.ScreenParameters;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.user.boundary.SignedInTrader;
import org.brokersso.user.control.ProfileChanges;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;

/**
 * The client area's home, {@code /client/accounts}: the trader's trading accounts with the balance
 * the CRM knows, the way to open another, and logout (§6.12). {@link ClientAreaGuard} has made sure
 * somebody is signed in.
 */
@Named
@RequestScoped
public class ClientArea {

  /** Confirmations other pages may ask this one to show (?done=), and nothing else. */
  private static final Set<String> CONFIRMATIONS =
      Set.of("reset.done", "password.changed", "email.changed");

  @Inject SignedInTrader signedIn;
  @Inject Users users;
  @Inject Onboarding onboarding;
  @Inject ProfileChanges profile;
  @Inject ScreenResponse response;
  @Inject ScreenParameters screen;
  @Inject HttpServletRequest request;

  private List<TraderAccount> accounts;

  public User getTrader() {
    return users.byId(userId()).orElseThrow();
  }

  public List<TraderAccount> getAccounts() {
    if (accounts == null) {
      accounts = onboarding.accountsOf(userId());
    }
    return accounts;
  }

  public String getConfirmation() {
    String done = request.getParameter("done");
    return done != null && CONFIRMATIONS.contains(done) ? response.text(done) : null;
  }

  public void logOut() {
    profile.logOut(userId());
    String loginForm =
        screen.link("/auth/login"); // before the session, and the carried parameters, go
    signedIn.signOut();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.redirect(loginForm);
  }

  private long userId() {
    return signedIn
        .userId()
        .orElseThrow(() -> new IllegalStateException("ClientAreaGuard lets nobody in unsigned"));
  }
}
