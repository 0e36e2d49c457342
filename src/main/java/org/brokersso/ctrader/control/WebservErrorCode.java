package org.brokersso.ctrader.control;

/**
 * The error codes of spec §5.1 that the product acts on. cTrader may send others; they arrive as
 * {@link #OTHER} with the original string kept on the {@link CtraderRejection}. The codes of 3.4's
 * cTID-specific errors are not recoverable from the spec: {@code CH_USER_NOT_FOUND} and {@code
 * CH_TRADER_ALREADY_LINKED} are the sandbox's names for them (docs/contract-choices.md B8).
 */
public enum WebservErrorCode {
  /** "Unknown server error": says nothing of what was done. */
  UNKNOWN_ERROR(false),
  INVALID_REQUEST(true),
  NOT_ENOUGH_RIGHTS(true),
  CH_BROKER_NOT_FOUND(true),
  REQUEST_FREQUENCY_EXCEEDED(true),
  TRADER_NOT_FOUND(true),
  CH_PLANT_INVALID(true),
  NOT_ENOUGH_MONEY(true),
  CHANGE_BALANCE_BAD_AMOUNT(true),
  TRADER_GROUP_NOT_FOUND(true),
  WRONG_PASSWORD(true),
  CH_EMAIL_ALREADY_EXISTS(true),
  CH_USER_NOT_FOUND(true),
  CH_TRADER_ALREADY_LINKED(true),
  /** A code the product does not know: nothing says what was done. */
  OTHER(false);

  private final boolean nothingDone;

  WebservErrorCode(boolean nothingDone) {
    this.nothingDone = nothingDone;
  }

  /**
   * Whether the code, whatever the HTTP status it came with, says the backend did not act: it names
   * a precondition the request failed (validation, rights, an unknown broker, trader or user, not
   * enough money, the rate limit, an email or link that already exists). {@link #UNKNOWN_ERROR} and
   * unknown codes do not: a 5xx carrying them may come after the backend acted
   * (docs/contract-choices.md, "5xx answers").
   */
  public boolean provesNothingDone() {
    return nothingDone;
  }

  public static WebservErrorCode of(String code) {
    if (code == null) {
      return OTHER;
    }
    for (WebservErrorCode known : values()) {
      if (known != OTHER && known.name().equals(code)) {
        return known;
      }
    }
    return OTHER;
  }
}
