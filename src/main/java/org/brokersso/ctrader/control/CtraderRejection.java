package org.brokersso.ctrader.control;

/**
 * cTrader's backend answered a call with an error: the body's {@code error.errorCode}, or only the
 * HTTP status when there was no readable body (spec §5.1: "parse error.errorCode and fall back to
 * the HTTP status"). The backend did not act, so the call may be repeated once the cause is gone.
 */
public final class CtraderRejection extends CtraderFailure {

  private final int status;
  private final String errorCode;
  private final String description;

  public CtraderRejection(int status, String errorCode, String description) {
    super(
        status
            + " "
            + (errorCode == null ? "(no error code)" : errorCode)
            + (description == null ? "" : ": " + description),
        null);
    this.status = status;
    this.errorCode = errorCode;
    this.description = description;
  }

  /** As the sandbox answers: with the status cTrader uses for errors it names (400). */
  public static CtraderRejection of(WebservErrorCode code, String description) {
    return new CtraderRejection(400, code.name(), description);
  }

  public int status() {
    return status;
  }

  /** The code exactly as cTrader sent it, or null when the answer carried none. */
  public String errorCode() {
    return errorCode;
  }

  public WebservErrorCode code() {
    return WebservErrorCode.of(errorCode);
  }

  public boolean is(WebservErrorCode code) {
    return code() == code;
  }

  /** STUB */
  public boolean isRateLimit() {
    return is(WebservErrorCode.REQUEST_FREQUENCY_EXCEEDED);
  }

  /** STUB */
  public java.util.Optional<java.time.Duration> retryAfter() {
    return java.util.Optional.empty();
  }

  public String description() {
    return description;
  }
}
