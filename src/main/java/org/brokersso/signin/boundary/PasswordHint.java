package org.brokersso.signin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.brokersso.screen.boundary.ScreenResponse;
import org.brokersso.user.control.PasswordPolicy;

/**
 * The password rule as the forms state it before the trader types ({@code #{passwordHint.text}}),
 * with the configured shortest length (user.password.min-length).
 */
@Named("passwordHint")
@RequestScoped
public class PasswordHint {

  @Inject PasswordPolicy policy;
  @Inject ScreenResponse response;

  public String getText() {
    return response.text("password.rule", policy.minLength());
  }
}
