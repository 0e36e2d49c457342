package org.brokersso.ctrader.control;

import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * When a call to cTrader's backend is repeated, decided in one place (spec §1.5, §9):
 *
 * <ul>
 *   <li>an invalid manager token: fetched again once and the call repeated once, for any method
 *       (the backend refused before acting);
 *   <li>REQUEST_FREQUENCY_EXCEEDED: repeated after a doubling back-off, for any method (rejected,
 *       so not carried out);
 *   <li>no answer (time-out, connection failure, 5xx without error code): repeated only for GETs; a
 *       non-GET surfaces as {@link CtraderUnreachable}, because it may have acted.
 * </ul>
 *
 * Why not MicroProfile Fault Tolerance's {@code @Retry}: the decision depends on the call's method
 * and on the error code inside the answer, the token must be swapped between attempts, and the
 * policy must run (and be tested) in plain JUnit against the HTTP double as well as in the server.
 */
public class CallPolicy {

  private static final Logger LOG = Logger.getLogger(CallPolicy.class.getName());

  private final ManagerTokenCache tokens;
  private final int readRetries;
  private final int rateLimitRetries;
  private final Duration rateLimitBackoff;

  public CallPolicy(
      ManagerTokenCache tokens, int readRetries, int rateLimitRetries, Duration rateLimitBackoff) {
    this.tokens = tokens;
    this.readRetries = readRetries;
    this.rateLimitRetries = rateLimitRetries;
    this.rateLimitBackoff = rateLimitBackoff;
  }

  /** A GET: safe to repeat. */
  public <T> T read(String call, Function<String, T> request) {
    return run(call, request, true);
  }

  /** Anything else: repeated only after a rejection that proves it was not carried out. */
  public <T> T write(String call, Function<String, T> request) {
    return run(call, request, false);
  }

  private <T> T run(String call, Function<String, T> request, boolean safeToRepeat) {
    boolean tokenRefreshed = false;
    int rateLimited = 0;
    int unanswered = 0;
    while (true) {
      String token = tokens.token();
      try {
        return request.apply(token);
      } catch (CtraderRejection rejection) {
        if (!tokenRefreshed && isInvalidToken(rejection)) {
          LOG.info(() -> "Call " + call + ": the manager token was refused; fetching a new one");
          tokens.invalidate(token);
          tokenRefreshed = true;
        } else if (rejection.is(WebservErrorCode.REQUEST_FREQUENCY_EXCEEDED)
            && rateLimited < rateLimitRetries) {
          pause(rateLimitBackoff.multipliedBy(1L << rateLimited));
          rateLimited++;
        } else {
          throw rejection;
        }
      } catch (CtraderUnreachable | ProcessingException failure) {
        CtraderUnreachable unreachable =
            failure instanceof CtraderUnreachable u
                ? u
                : new CtraderUnreachable("No answer to call " + call, failure);
        if (!safeToRepeat || unanswered >= readRetries) {
          throw unreachable;
        }
        unanswered++;
        LOG.info(() -> "Call " + call + " unanswered; repeating (it only reads)");
      }
    }
  }

  /**
   * The spec names no code for a refused manager token; a 401, or any code that names the token
   * (INVALID_TOKEN, TOKEN_EXPIRED, ...), counts as one (docs/contract-choices.md B5).
   */
  static boolean isInvalidToken(CtraderRejection rejection) {
    return rejection.status() == 401
        || (rejection.errorCode() != null && rejection.errorCode().contains("TOKEN"));
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CtraderUnreachable("Interrupted while backing off", e);
    }
  }
}
