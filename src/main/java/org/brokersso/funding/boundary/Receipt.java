package org.brokersso.funding.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.brokersso.account.control.Onboarding;
import org.brokersso.account.entity.TraderAccount;
import org.brokersso.funding.control.AmountInput;
import org.brokersso.funding.control.MoneyMovements;
import org.brokersso.funding.entity.MoneyMovement;
import org.brokersso.funding.entity.MovementKind;
import org.brokersso.funding.entity.MovementState;
import org.brokersso.inapp.boundary.InAppGrants;
import org.brokersso.screen.boundary.ScreenParameters;

/**
 * The receipt on the InApp success page after a deposit or withdrawal ({@code
 * /inapp/done?what=&ref=}): amount, account, reference (3.5's {@code externalId}) and state. It is
 * shown only to the browser whose InApp grant made the movement, while the grant lasts; any other
 * {@code ref} shows the plain success page.
 */
@Named
@RequestScoped
public class Receipt {

  @Inject HttpServletRequest request;
  @Inject MoneyMovements journal;
  @Inject InAppGrants inApp;
  @Inject Onboarding onboarding;
  @Inject ScreenParameters screen;
  @Inject Clock clock;

  private Optional<MoneyMovement> movement;

  private Optional<MoneyMovement> movement() {
    if (movement == null) {
      movement =
          journal
              .byReference(request.getParameter("ref"))
              .filter(
                  m -> m.state() == MovementState.CREDITED || m.state() == MovementState.PAID_OUT)
              .filter(this::isOfThisBrowser);
    }
    return movement;
  }

  private boolean isOfThisBrowser(MoneyMovement m) {
    String screenPath = m.kind() == MovementKind.DEPOSIT ? "/inapp/deposit" : "/inapp/withdraw";
    return inApp
        .live(screenPath, clock.instant())
        .filter(grant -> grant.userId() == m.userId())
        .filter(grant -> grant.account().equals(Optional.of(m.traderLogin())))
        .isPresent();
  }

  public boolean isShown() {
    return movement().isPresent();
  }

  public String getAmount() {
    return movement()
        .map(
            m ->
                AmountInput.in(screen.getLocale()).format(m.amount(), moneyDigits(m))
                    + " "
                    + m.currency())
        .orElse("");
  }

  private int moneyDigits(MoneyMovement m) {
    return onboarding.accountsOf(m.userId()).stream()
        .filter(a -> a.traderLogin() != null && a.traderLogin() == m.traderLogin())
        .map(TraderAccount::moneyDigits)
        .filter(digits -> digits != null)
        .findFirst()
        .orElse(2);
  }

  public String getAccount() {
    return movement().map(m -> String.valueOf(m.traderLogin())).orElse("");
  }

  public String getReference() {
    return movement().map(MoneyMovement::reference).orElse("");
  }

  /** The message key of the movement's state ({@code money.state.credited}, …). */
  public String getStateKey() {
    return movement()
        .map(m -> "money.state." + m.state().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .orElse("");
  }
}
