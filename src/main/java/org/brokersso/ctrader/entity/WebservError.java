package org.brokersso.ctrader.entity;

/**
 * cTrader's error body, {@code {"error": {"errorCode": "...", "description": "..."}}} (spec §5.1).
 */
public record WebservError(Detail error) {

  public record Detail(String errorCode, String description) {}
}
