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
  PARTNER_ID("partnerId", "[A-Za-z0-9_-]{1,64}"),
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

  ScreenParameter(String name, String format) {
    this.name = name;
    this.format = Pattern.compile(format);
  }

  public String parameterName() {
    return name;
  }

  public Optional<String> accept(String value) {
    return value != null && format.matcher(value).matches() ? Optional.of(value) : Optional.empty();
  }

  public static Optional<ScreenParameter> named(String name) {
    return Arrays.stream(values()).filter(p -> p.name.equals(name)).findFirst();
  }
}
