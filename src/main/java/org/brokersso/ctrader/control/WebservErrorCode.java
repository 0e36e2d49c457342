package org.brokersso.ctrader.control;

/**
 * The error codes of spec §5.1 that the product acts on. cTrader may send others; they arrive as
 * {@link #OTHER} with the original string kept on the {@link CtraderRejection}. The codes of 3.4's
 * cTID-specific errors are not recoverable from the spec: {@code CH_USER_NOT_FOUND} and {@code
 * CH_TRADER_ALREADY_LINKED} are the sandbox's names for them (docs/contract-choices.md B8).
 */
public enum WebservErrorCode {
  UNKNOWN_ERROR,
  INVALID_REQUEST,
  NOT_ENOUGH_RIGHTS,
  CH_BROKER_NOT_FOUND,
  REQUEST_FREQUENCY_EXCEEDED,
  TRADER_NOT_FOUND,
  CH_PLANT_INVALID,
  NOT_ENOUGH_MONEY,
  CHANGE_BALANCE_BAD_AMOUNT,
  TRADER_GROUP_NOT_FOUND,
  WRONG_PASSWORD,
  CH_EMAIL_ALREADY_EXISTS,
  CH_USER_NOT_FOUND,
  CH_TRADER_ALREADY_LINKED,
  OTHER;

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
