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
 *   <li>no answer (time-out, connection failure, a 5xx that does not say nothing was done):
 *       repeated only for GETs; a non-GET surfaces as {@link CtraderUnreachable}, because it may
 *       have acted;
 *   <li>REQUEST_FREQUENCY_EXCEEDED: never repeated here. It surfaces at once as the rejection (not
 *       carried out), and the caller resumes its work later: waiting out cTrader's window here
 *       would hold a screen's request thread for seconds (docs/contract-choices.md B16).
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
  private final CallTimer timer;

  public CallPolicy(ManagerTokenCache tokens, int readRetries) {
    this(tokens, readRetries, CallTimer.NONE);
  }

  public CallPolicy(ManagerTokenCache tokens, int readRetries, CallTimer timer) {
    this.tokens = tokens;
    this.readRetries = readRetries;
    this.timer = timer;
  }

  /** A GET: safe to repeat. */
  public <T> T read(String call, Function<String, T> request) {
    return run(call, request, true);
  }

  /** Anything else: repeated only after a rejection of the manager token. */
  public <T> T write(String call, Function<String, T> request) {
    return run(call, request, false);
  }

  private <T> T run(String call, Function<String, T> request, boolean safeToRepeat) {
    long started = System.nanoTime();
    String outcome = "unreachable";
    try {
      T answer = attempt(call, request, safeToRepeat);
      outcome = "ok";
      return answer;
    } catch (CtraderRejection rejection) {
      outcome = rejection.isRateLimit() ? "rate_limited" : "rejected";
      throw rejection;
    } finally {
      timer.record(call, outcome, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private <T> T attempt(String call, Function<String, T> request, boolean safeToRepeat) {
    boolean tokenRefreshed = false;
    int unanswered = 0;
    while (true) {
      String token = tokens.token();
      try {
        return request.apply(token);
      } catch (CtraderRejection rejection) {
        if (tokenRefreshed || !isInvalidToken(rejection)) {
          throw rejection;
        }
        LOG.info(() -> "Call " + call + ": the manager token was refused; fetching a new one");
        tokens.invalidate(token);
        tokenRefreshed = true;
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
    return rejection.status() == 401 || namesToken(rejection.errorCode());
  }

  static boolean namesToken(String errorCode) {
    return errorCode != null && errorCode.contains("TOKEN");
  }
}
