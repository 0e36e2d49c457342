package org.brokersso.user.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.brokersso.user.entity.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Traders who became partners (§6.8 flow 1, stages 1-3): each gets a {@code partnerId} of the form
 * {@code IB-000042} for their referral link, and sees whom it brought (conformance 6.3.3).
 */
@ApplicationScoped
public class Partners {

  @Inject Users users;

  @Inject
  @ConfigProperty(name = "screen.public-url")
  Optional<String> publicUrl;

  public User of(long userId) {
    return users.byId(userId).orElseThrow();
  }

  /** Gives the trader a partner code, once; {@link Users#record} commits it. */
  public User join(long userId) {
    return users.record(userId, user -> user.becomePartner(String.format("IB-%06d", user.id())));
  }

  public List<User> referredBy(String partnerCode) {
    return users.referredBy(partnerCode);
  }

  /** The login/signup URL with {@code firstLogin=true&partnerId=…}, on the public URL when set. */
  public String referralLink(String partnerCode) {
    String base =
        publicUrl
            .filter(u -> !u.isBlank())
            .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
            .orElse("");
    return base + "/auth/login?firstLogin=true&partnerId=" + partnerCode;
  }
}
