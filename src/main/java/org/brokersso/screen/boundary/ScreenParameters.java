package org.brokersso.screen.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.brokersso.screen.control.Languages;
import org.brokersso.setup.control.RunMode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What this request's screen is to look like and carry on (§5.3), as {@code #{screen}} in the
 * views: the parameter in the URL wins, else the one the flow was opened with ({@link
 * CarriedParameters}, only once there is a session), else the default; for the partner, the first
 * one this browser brought wins ({@link ScreenCookie#PARTNER}, docs/screens.md). {@link #link}
 * builds the next step's URL with them, and {@link ScreenFormAddress} every form's address, so that
 * a visitor without a session keeps them across a form post.
 */
@Named("screen")
@RequestScoped
public class ScreenParameters {

  @Inject HttpServletRequest request;
  @Inject CarriedParameters carried;
  @Inject Languages languages;
  @Inject RunMode mode;

  @Inject
  @ConfigProperty(name = "screen.cookie.secure")
  boolean secure;

  @Inject
  @ConfigProperty(name = "screen.broker-name")
  String brokerName;

  public Optional<String> value(ScreenParameter parameter) {
    Optional<String> inUrl = parameter.accept(request.getParameter(parameter.parameterName()));
    if (parameter.keepsFirst()) {
      // first touch: a later page (another site's link, say) cannot re-attribute the visitor
      Optional<String> first = ScreenCookie.PARTNER.in(request, secure).flatMap(parameter::accept);
      if (first.isEmpty() && request.getSession(false) != null) {
        first = carried.get(parameter.parameterName());
      }
      if (first.isPresent()) {
        return first;
      }
    }
    if (inUrl.isPresent() || request.getSession(false) == null) {
      return inUrl; // an anonymous visitor has no session, and gets none from here
    }
    return carried.get(parameter.parameterName());
  }

  public String getLang() {
    return languages.resolve(value(ScreenParameter.LANG).orElse(null));
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(getLang());
  }

  public String getDir() {
    return Languages.isRightToLeft(getLang()) ? "rtl" : "ltr";
  }

  public String getTheme() {
    return value(ScreenParameter.THEME).map(t -> t.toLowerCase(Locale.ROOT)).orElse("light");
  }

  /** Web, Android, iOS, MacOS or Desktop in lower case, for a CSS class; "web" when unknown. */
  public String getSource() {
    return value(ScreenParameter.SOURCE).map(s -> s.toLowerCase(Locale.ROOT)).orElse("web");
  }

  public String getEventName() {
    return value(ScreenParameter.EVENT_NAME).orElse(null);
  }

  public Optional<String> partnerId() {
    return value(ScreenParameter.PARTNER_ID);
  }

  public boolean isSandbox() {
    return mode.isSandbox();
  }

  public String getBrokerName() {
    return brokerName;
  }

  /** The context-relative {@code path} with every carried parameter in its query string. */
  public String link(String path) {
    return link(path, Map.of());
  }

  /** As {@link #link(String)}, plus {@code extra} parameters (which win over carried ones). */
  public String link(String path, Map<String, String> extra) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    carriedQuery(extra.keySet()).ifPresent(query::add);
    extra.forEach((name, v) -> query.add(encode(name) + "=" + encode(v)));
    return request.getContextPath() + path + query;
  }

  /**
   * The carried parameters as a query string without "?" ({@code lang=es&eventName=x}), leaving out
   * the names in {@code except}; empty when there are none.
   */
  public Optional<String> carriedQuery(Set<String> except) {
    Map<ScreenParameter, String> values = new EnumMap<>(ScreenParameter.class);
    for (ScreenParameter parameter : ScreenParameter.values()) {
      value(parameter).ifPresent(v -> values.put(parameter, v));
    }
    StringJoiner query = new StringJoiner("&");
    values.forEach(
        (p, v) -> {
          if (!except.contains(p.parameterName())) {
            query.add(encode(p.parameterName()) + "=" + encode(v));
          }
        });
    return query.length() == 0 ? Optional.empty() : Optional.of(query.toString());
  }

  /** {@link #link(String)} for the views: {@code #{screen.to('/auth/signup')}}. */
  public String to(String path) {
    return link(path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
