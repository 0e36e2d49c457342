package org.brokersso.funding.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.brokersso.ctrader.control.CtraderBackend;
import org.brokersso.ctrader.control.CtraderRejection;
import org.brokersso.ctrader.control.CtraderUnreachable;
import org.brokersso.ctrader.control.WebservErrorCode;
import org.brokersso.ctrader.entity.BalanceChangeType;
import org.brokersso.sandbox.control.SandboxCtraderBackend;

/**
 * Test only, deployed with {@code DepositsIT}. It puts the sandbox behind a proxy that can fail the
 * next call 3.5 whose {@code externalId} starts with a given prefix. The call is either refused
 * before acting, left without answer before acting, or acted and its answer lost. The proxy records
 * every 3.5 that acted. The class is an enabled alternative, so its producer replaces the
 * selector's backend for the whole deployment. Every other call goes to the sandbox unchanged.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class BalanceFailures {

  public enum Failure {
    REFUSED,
    UNREACHABLE_BEFORE_ACTING,
    ANSWER_LOST
  }

  /** One 3.5 that cTrader booked. */
  public record Booked(
      BalanceChangeType type, BigDecimal amount, String externalId, long balanceHistoryId) {}

  @Inject SandboxCtraderBackend sandbox;

  private volatile Failure failure;
  private volatile String failurePrefix;
  private final List<Booked> booked = new CopyOnWriteArrayList<>();

  @Produces
  @ApplicationScoped
  CtraderBackend backend() {
    return (CtraderBackend)
        Proxy.newProxyInstance(
            CtraderBackend.class.getClassLoader(),
            new Class<?>[] {CtraderBackend.class},
            (proxy, method, args) ->
                method.getName().equals("changeBalance")
                    ? changeBalance(args)
                    : call(method, args));
  }

  public void reset() {
    failure = null;
    booked.clear();
  }

  /** The next 3.5 whose externalId starts with {@code prefix} fails so. */
  public void failNext(Failure failure, String prefix) {
    this.failurePrefix = prefix;
    this.failure = failure;
  }

  /** The 3.5 calls that acted with this externalId. */
  public List<Booked> booked(String externalId) {
    return booked.stream().filter(b -> b.externalId().equals(externalId)).toList();
  }

  private long changeBalance(Object[] args) {
    String externalId = (String) args[3];
    Failure injected = failure != null && externalId.startsWith(failurePrefix) ? failure : null;
    if (injected != null) {
      failure = null;
    }
    if (injected == Failure.REFUSED) {
      throw CtraderRejection.of(WebservErrorCode.UNKNOWN_ERROR, "injected before " + externalId);
    }
    if (injected == Failure.UNREACHABLE_BEFORE_ACTING) {
      throw new CtraderUnreachable(
          "injected: no answer to " + externalId + " (it did not act)", null);
    }
    long balanceHistoryId =
        sandbox.changeBalance(
            (long) args[0], (BalanceChangeType) args[1], (BigDecimal) args[2], externalId);
    booked.add(
        new Booked(
            (BalanceChangeType) args[1], (BigDecimal) args[2], externalId, balanceHistoryId));
    if (injected == Failure.ANSWER_LOST) {
      throw new CtraderUnreachable("injected: the answer to " + externalId + " was lost", null);
    }
    return balanceHistoryId;
  }

  private Object call(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(sandbox, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
