package org.brokersso.ribbon.entity;

import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.RibbonAction;

/**
 * One ribbon of {@code ribbon.list}. {@code target} is a path on the screens' server ({@code
 * /inapp/deposit}) or an absolute http(s) URL; {@code external} opens it in the browser ({@code
 * urlExternal}) instead of inside cTrader ({@code urlinApp}); {@code untilKycApproved} leaves it
 * out for traders whose KYC is approved.
 */
public record ConfiguredRibbon(
    String title,
    String color,
    String target,
    boolean closable,
    boolean external,
    boolean untilKycApproved) {

  /**
   * The ribbon of call 3.9, with a path made absolute on {@code publicBase} (contract-choices row
   * 25).
   */
  public Ribbon toRibbon(String publicBase) {
    String url = url(publicBase, target);
    return Ribbon.of(
        color, title, closable, external ? RibbonAction.external(url) : RibbonAction.inApp(url));
  }

  /**
   * An absolute URL stays as it is; a path is appended to the base, whose trailing slash is
   * dropped.
   */
  public static String url(String publicBase, String target) {
    if (!target.startsWith("/")) {
      return target;
    }
    String base =
        publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase;
    return base + target;
  }
}
