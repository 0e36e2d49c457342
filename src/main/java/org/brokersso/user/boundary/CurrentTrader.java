package org.brokersso.user.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.OptionalLong;
import org.brokersso.user.control.Users;

/**
 * The signed-in trader of this request, if their screen session is still valid: it signed in under
 * the current generation of the trader's credentials. A password change or reset, a logout
 * everywhere or call 4.5 started a new generation, so a session from before is signed out here, on
 * whichever instance it lives (the generation is read from the database, one primary-key read per
 * request).
 */
@RequestScoped
public class CurrentTrader {

  @Inject SignedInTrader signedIn;
  @Inject Users users;

  private Optional<Long> checked;

  public Optional<Long> userId() {
    if (checked == null) {
      Optional<Long> recorded = signedIn.userId();
      checked = recorded.filter(this::stillValid);
      if (recorded.isPresent() && checked.isEmpty()) {
        signedIn.signOut(); // a session from an older generation of credentials
      }
    }
    return checked;
  }

  private boolean stillValid(long userId) {
    OptionalLong current = users.credentialEpoch(userId);
    return current.isPresent() && current.getAsLong() == signedIn.credentialEpoch();
  }
}
