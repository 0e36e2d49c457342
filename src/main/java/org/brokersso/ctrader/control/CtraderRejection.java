package org.brokersso.ctrader.control;

import java.time.Duration;
import java.util.Optional;

/**
 * cTrader's backend answered a call with an error: the body's {@code error.errorCode}, or only the
 * HTTP status when there was no readable body (spec §5.1: "parse error.errorCode and fall back to
 * the HTTP status"). The backend did not act, so the call may be repeated once the cause is gone. A
 * 5xx is a rejection only when its code says so ({@link WebservErrorCode#provesNothingDone}).
 */
public final class CtraderRejection extends CtraderFailure {

  private final int status;
  private final String errorCode;
  private final String description;
  private final Duration retryAfter;

  public CtraderRejection(int status, String errorCode, String description) {
    this(status, errorCode, description, null);
  }

  public CtraderRejection(int status, String errorCode, String description, Duration retryAfter) {
    super(
        status
            + " "
            + (errorCode == null ? "(no error code)" : errorCode)
            + (description == null ? "" : ": " + description),
        null);
    this.status = status;
    this.errorCode = errorCode;
    this.description = description;
    this.retryAfter = retryAfter;
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

  /**
   * cTrader's rate limit (spec §1.5): {@code REQUEST_FREQUENCY_EXCEEDED}, or a 429 from whatever
   * stands in front of it. Nothing was done; the caller tries again later, never on its own thread
   * (docs/contract-choices.md B16).
   */
  public boolean isRateLimit() {
    return is(WebservErrorCode.REQUEST_FREQUENCY_EXCEEDED) || status == 429;
  }

  /** The answer's {@code Retry-After} (undocumented by cTrader; a gateway may send one). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public String description() {
    return description;
  }
}
