package org.brokersso.signin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.brokersso.metrics.control.Metrics;
import org.brokersso.metrics.entity.Meter;
import org.brokersso.screen.boundary.ScreenParameters;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.user.boundary.TypedPassword;
import org.brokersso.user.control.PasswordHashingBusy;
import org.brokersso.user.control.PasswordPolicy;
import org.brokersso.user.control.Registration;
import org.brokersso.user.entity.EmailAddress;
import org.brokersso.user.entity.FirstName;

/**
 * The signup form ({@code /auth/login?firstLogin=true}, §5.4, §6.1): e-mail, password, first name,
 * the broker's terms, "keep me logged in". The screen's language becomes the trader's preferred
 * language and the URL's {@code partnerId} their partner. A valid form always leads to {@link
 * SignupConfirmation}, whether or not the address is registered (see {@link Registration}).
 */
@Named
@RequestScoped
public class Signup {

  @Inject Registration registration;
  @Inject PasswordPolicy policy;
  @Inject ScreenParameters screen;
  @Inject ScreenResponse response;
  @Inject SignupInProgress inProgress;
  @Inject Metrics metrics;

  private String email;
  private String password;
  private String firstName;
  private boolean acceptTerms;
  private boolean keepLoggedIn;

  public void signUp() {
    try (TypedPassword secret = TypedPassword.of(password)) {
      if (isValid(secret.characters())) {
        var signup =
            new Registration.Signup(
                EmailAddress.of(email),
                secret.characters(),
                FirstName.of(firstName),
                screen.getLang(),
                screen.partnerId().orElse(null));
        inProgress.hold(registration.start(signup), keepLoggedIn);
        metrics.increment(Meter.SIGNUPS, "started");
        response.next("/auth/confirm");
      }
    } catch (PasswordHashingBusy busy) {
      response.error("busy");
    }
  }

  private boolean isValid(char[] secret) {
    boolean valid = true;
    Optional<EmailAddress.Problem> emailProblem = EmailAddress.problemWith(email);
    if (emailProblem.isPresent()) {
      response.invalid("email", emailProblem.get().messageKey());
      valid = false;
    }
    var passwordProblem = policy.broken(secret);
    if (passwordProblem.isPresent()) {
      response.invalid("password", passwordProblem.get().messageKey(), policy.minLength());
      valid = false;
    }
    if (!FirstName.isAcceptable(firstName)) {
      response.invalid("firstName", "signup.first-name");
      valid = false;
    }
    if (!acceptTerms) {
      response.invalid("terms", "signup.terms");
      valid = false;
    }
    return valid;
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

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public boolean isAcceptTerms() {
    return acceptTerms;
  }

  public void setAcceptTerms(boolean acceptTerms) {
    this.acceptTerms = acceptTerms;
  }

  public boolean isKeepLoggedIn() {
    return keepLoggedIn;
  }

  public void setKeepLoggedIn(boolean keepLoggedIn) {
    this.keepLoggedIn = keepLoggedIn;
  }
}
