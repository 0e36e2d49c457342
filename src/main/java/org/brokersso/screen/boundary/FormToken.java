package org.brokersso.screen.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The anti-forgery token, {@code #{formToken.value}} in every form. The cookies are {@code
 * SameSite=None} (cTrader's iframe needs it), so another site's page could post a form with them;
 * without this token, {@link FormTokenCheck} refuses the post.
 *
 * <p>A signed double-submit token, so that an anonymous visitor costs no server session: the HMAC
 * ({@link FormTokenKey}) of the visitor's random {@link ScreenCookie#FORM} cookie, and of the
 * session id once there is a session (a token seen before login is worth nothing after it, because
 * login changes the id). Another site can neither read the token nor compute it for the victim's
 * cookie; the {@code __Host-} prefix keeps it from planting a cookie of its own.
 */
@Named
@RequestScoped
public class FormToken {

  /** The name of the hidden field every form carries. */
  public static final String FIELD = "csrf";

  /** The request attribute with a form cookie set by this very answer ({@link FormTokenCheck}). */
  static final String NEW_BINDING = FormToken.class.getName() + ".binding";

  @Inject HttpServletRequest request;
  @Inject FormTokenKey key;

  @Inject
  @ConfigProperty(name = "screen.cookie.secure")
  boolean secure;

  /** The token for this visitor and session; empty when the visitor has no form cookie. */
  public String getValue() {
    return binding().map(key::sign).orElse("");
  }

  boolean matches(String candidate) {
    Optional<String> expected = binding().map(key::sign);
    return candidate != null
        && expected.isPresent()
        && MessageDigest.isEqual(
            expected.get().getBytes(StandardCharsets.US_ASCII),
            candidate.getBytes(StandardCharsets.US_ASCII));
  }

  private Optional<String> binding() {
    Optional<String> cookie =
        Optional.ofNullable((String) request.getAttribute(NEW_BINDING))
            .or(() -> ScreenCookie.FORM.in(request, secure));
    HttpSession session = request.getSession(false);
    return session == null ? cookie : cookie.map(c -> c + "|" + session.getId());
  }
}
