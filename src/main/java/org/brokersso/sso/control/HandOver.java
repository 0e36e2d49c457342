package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.brokersso.sso.entity.OneTimePurpose;
import org.brokersso.user.control.Users;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The end of every login, signup and account creation (§5.5): a fresh OT token for the user,
 * remembering "keep me logged in", placed in the success URL's {@code token} parameter. The token
 * lives a minute, so the caller redirects at once.
 */
@ApplicationScoped
public class HandOver {

  @Inject OneTimeTokens oneTimeTokens;
  @Inject Users users;

  @Inject
  @ConfigProperty(name = "sso.success-url")
  String successUrl;

  /** The success URL carrying a new OT token; a path ("/callback/success") is on this server. */
  @Transactional
  public String successUrlFor(long userId, boolean keepLoggedIn) {
    var user = users.byId(userId).orElseThrow(() -> new IllegalArgumentException("No broker user " + userId));
    String token = oneTimeTokens.mintFor(user, OneTimePurpose.LOGIN, keepLoggedIn);
    return successUrl + (successUrl.contains("?") ? "&" : "?") + "token=" + token;
  }
}
