package org.brokersso.ctrader.entity;

/**
 * What a ribbon does on click: one of the two URLs (note the contract's spelling {@code urlinApp}).
 */
public record RibbonAction(String urlExternal, String urlinApp) {

  public static RibbonAction external(String url) {
    return new RibbonAction(url, null);
  }

  public static RibbonAction inApp(String url) {
    return new RibbonAction(null, url);
  }
}
