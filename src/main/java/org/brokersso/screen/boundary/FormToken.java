package org.brokersso.screen.boundary;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The screen session's anti-forgery token, {@code #{formToken.value}} in every form. The session
 * cookie is {@code SameSite=None} (cTrader's iframe needs it), so another site's page could post a
 * form with it; without this token, {@link FormTokenCheck} refuses the post.
 */
@Named
@SessionScoped
public class FormToken implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The name of the hidden field every form carries. */
  public static final String FIELD = "csrf";

  private final String value;

  public FormToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public String getValue() {
    return value;
  }

  boolean matches(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.US_ASCII),
            candidate.getBytes(StandardCharsets.US_ASCII));
  }
}
