package org.brokersso.inapp.entity;

import java.util.Locale;

/** Why an InApp screen shows the refusal page instead of itself; each has its own text. */
public enum InAppRefusal {
  MISSING_TOKEN(400),
  UNKNOWN_TOKEN(403),
  EXPIRED_TOKEN(403),
  USED_TOKEN(403),
  NOT_INAPP_TOKEN(403),
  SESSION_ENDED(403),
  MISSING_ACCOUNT(400),
  FOREIGN_ACCOUNT(403);

  private final int status;

  InAppRefusal(int status) {
    this.status = status;
  }

  /**
   * The HTTP status of the refusal page: 400 for what the link lacks, 403 for what it may not do.
   */
  public int status() {
    return status;
  }

  public String messageKey() {
    return "refused." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
