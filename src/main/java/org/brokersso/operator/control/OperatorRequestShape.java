package org.brokersso.operator.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which requests the operator endpoints take: a script's or one from the product's own pages, never
 * a web page's on another site. A browser that once answered the Basic challenge sends the cached
 * operator password with any request to us, including a form post that a hostile page makes it
 * send; such a request is told apart by what a page cannot hide:
 *
 * <ul>
 *   <li>{@code Origin} (sent by browsers on every cross-origin request but a plain navigation) must
 *       be the product's own: {@code screen.public-url}'s origin, or the origin whose host the
 *       request was sent to ({@code Host});
 *   <li>{@code Sec-Fetch-Site} (sent by current browsers, navigations included) must not say {@code
 *       cross-site} or {@code same-site};
 *   <li>a body must be JSON: a page can send a cross-site form or text body without asking, but a
 *       JSON one only after a CORS preflight that we never grant. A request with no {@code
 *       Content-Type} (curl {@code -X POST} without a body) stays allowed.
 * </ul>
 *
 * <p>A request with neither header (curl, a back-office script) is let through to the password
 * check as before.
 */
@ApplicationScoped
public class OperatorRequestShape {

  /** What a request amounts to. */
  public enum Verdict {
    ACCEPTED,
    CROSS_SITE,
    NOT_JSON
  }

  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

  @Inject
  @ConfigProperty(name = "screen.public-url")
  Optional<String> publicUrl;

  public Verdict judge(
      String method, String origin, String fetchSite, String host, String contentType) {
    if (fetchSite != null) {
      String site = fetchSite.strip().toLowerCase(Locale.ROOT);
      if (site.equals("cross-site") || site.equals("same-site")) {
        return Verdict.CROSS_SITE;
      }
    }
    if (origin != null && !isOwn(origin.strip(), host)) {
      return Verdict.CROSS_SITE;
    }
    if (WITH_BODY.contains(method) && contentType != null && !isJson(contentType)) {
      return Verdict.NOT_JSON;
    }
    return Verdict.ACCEPTED;
  }

  private boolean isOwn(String origin, String host) {
    Optional<String> authority = authorityOf(origin);
    if (authority.isEmpty()) {
      return false; // "null" (a sandboxed frame, a file) or garbage
    }
    if (host != null && authority.get().equals(host.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    return publicUrl
        .filter(url -> !url.isBlank())
        .flatMap(OperatorRequestShape::originOf)
        .map(own -> own.equals(originOf(origin).orElse(null)))
        .orElse(false);
  }

  private static boolean isJson(String contentType) {
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || type.startsWith("application/") && type.endsWith("+json");
  }

  /** {@code scheme://host[:port]}, lower case, without a default port. */
  private static Optional<String> originOf(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || scheme.equals("https") && port == 443
              || scheme.equals("http") && port == 80;
      return Optional.of(
          scheme
              + "://"
              + uri.getHost().toLowerCase(Locale.ROOT)
              + (defaultPort ? "" : ":" + port));
    } catch (IllegalArgumentException notAUri) {
      return Optional.empty();
    }
  }

  /** {@code host[:port]} of an origin, as a {@code Host} header would name it. */
  private static Optional<String> authorityOf(String origin) {
    return originOf(origin).map(o -> o.substring(o.indexOf("://") + 3));
  }
}
