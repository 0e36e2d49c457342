package org.brokersso.ribbon.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.brokersso.ribbon.entity.ConfiguredRibbon;

/**
 * Reads {@code ribbon.list}: ribbons separated by {@code ;} (or line breaks), each {@code title |
 * #rrggbb | target | options}, where target is a path on the screens' server or an absolute http(s)
 * URL, and options (optional, space- or comma-separated) are {@code closable}, {@code external} and
 * {@code until-kyc-approved}. {@code none} or blank: no ribbons.
 */
public final class RibbonList {

  public static final String NONE = "none";

  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final int MAX_TITLE = 255;

  private RibbonList() {}

  /**
   * The ribbons, in order; a malformed entry is refused with a message naming it and what is wrong.
   */
  public static List<ConfiguredRibbon> parse(String text) {
    List<ConfiguredRibbon> ribbons = new ArrayList<>();
    if (text == null || text.isBlank() || text.strip().equalsIgnoreCase(NONE)) {
      return ribbons;
    }
    for (String entry : text.split("[;\\r\\n]+")) {
      if (!entry.isBlank()) {
        ribbons.add(ribbon(entry.strip(), ribbons.size() + 1));
      }
    }
    return List.copyOf(ribbons);
  }

  private static ConfiguredRibbon ribbon(String entry, int number) {
    String[] fields = entry.split("\\|", -1);
    if (fields.length < 3 || fields.length > 4) {
      throw malformed(
          number, entry, "expected 'title | #rrggbb | target | options' (options may be left out)");
    }
    String title = fields[0].strip();
    String color = fields[1].strip();
    String target = fields[2].strip();
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      throw malformed(number, entry, "the title must have 1 to " + MAX_TITLE + " characters");
    }
    if (!COLOR.matcher(color).matches()) {
      throw malformed(
          number, entry, "the colour must be six hex digits like #1f8efa, not '" + color + "'");
    }
    if (!isPath(target) && !isAbsoluteUrl(target)) {
      throw malformed(
          number,
          entry,
          "the target must be a path like /inapp/deposit or an http(s) URL, not '" + target + "'");
    }
    boolean closable = false;
    boolean external = false;
    boolean untilKycApproved = false;
    String options = fields.length == 4 ? fields[3].strip() : "";
    for (String option : options.isEmpty() ? new String[0] : options.split("[\\s,]+")) {
      switch (option.toLowerCase(Locale.ROOT)) {
        case "closable" -> closable = true;
        case "external" -> external = true;
        case "until-kyc-approved" -> untilKycApproved = true;
        default ->
            throw malformed(
                number,
                entry,
                "unknown option '" + option + "' (closable, external, until-kyc-approved)");
      }
    }
    return new ConfiguredRibbon(
        title, color.toLowerCase(Locale.ROOT), target, closable, external, untilKycApproved);
  }

  private static boolean isPath(String target) {
    return target.startsWith("/")
        && !target.startsWith("//")
        && target.chars().noneMatch(Character::isWhitespace);
  }

  private static boolean isAbsoluteUrl(String target) {
    try {
      URI uri = new URI(target);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static IllegalArgumentException malformed(int number, String entry, String problem) {
    return new IllegalArgumentException(
        "ribbon.list, ribbon " + number + " ('" + entry + "'): " + problem);
  }
}
