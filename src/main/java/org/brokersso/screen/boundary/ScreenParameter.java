package org.brokersso.screen.boundary;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The query parameters a screen honours and carries to the next step (§5.3). Values are checked
 * here once; a value that fails the check is ignored as if absent, never echoed.
 */
public enum ScreenParameter {
  LANG("lang", "[A-Za-z]{2}([-_][A-Za-z0-9]{2,8})?"),
  THEME("theme", "(?i)light|dark"),
  SOURCE("source", "(?i)web|android|ios|macos|desktop"),
  EVENT_NAME("eventName", "[A-Za-z0-9_.:-]{1,64}"),
  /**
   * First touch: the partner of the link that began the flow stays, later links cannot change it
   * ({@link #keepsFirst}).
   */
  PARTNER_ID("partnerId", "[A-Za-z0-9_-]{1,64}", true),
  UTM_SOURCE("utm_source", ScreenParameter.TRACKING),
  UTM_MEDIUM("utm_medium", ScreenParameter.TRACKING),
  UTM_CAMPAIGN("utm_campaign", ScreenParameter.TRACKING),
  UTM_TERM("utm_term", ScreenParameter.TRACKING),
  UTM_CONTENT("utm_content", ScreenParameter.TRACKING),
  GCLID("gclid", ScreenParameter.TRACKING);

  /** Marketing values are free text: printable, no control characters, bounded. */
  private static final String TRACKING = "[^\\p{Cntrl}]{1,200}";

  private final String name;
  private final Pattern format;
  private final boolean keepsFirst;

  ScreenParameter(String name, String format) {
    this(name, format, false);
  }

  ScreenParameter(String name, String format, boolean keepsFirst) {
    this.name = name;
    this.format = Pattern.compile(format);
    this.keepsFirst = keepsFirst;
  }

  public String parameterName() {
    return name;
  }

  /**
   * Whether the first value the session saw wins over any later one, in the URL or carried. True
   * where a value is worth money to somebody else: any page on the web can make a visitor's browser
   * open one of our screens with its own {@code partnerId} (the session cookie is {@code
   * SameSite=None}, so the request carries the visitor's session), and the landing from a partner's
   * site is itself cross-site, so only the order can tell the partner from the hijacker.
   */
  public boolean keepsFirst() {
    return keepsFirst;
  }

  public Optional<String> accept(String value) {
    return value != null && format.matcher(value).matches() ? Optional.of(value) : Optional.empty();
  }

  public static Optional<ScreenParameter> named(String name) {
    return Arrays.stream(values()).filter(p -> p.name.equals(name)).findFirst();
  }
}
