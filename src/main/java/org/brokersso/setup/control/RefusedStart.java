package org.brokersso.setup.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What happens when the configuration cannot work: the deployment fails with every problem in one
 * message, and on Payara Micro (or where {@code setup.exit-on-refused-start=true}) the process ends
 * with status {@value #EXIT_STATUS}. A Payara Micro that failed its only deployment would otherwise
 * print "ready" and answer 404 everywhere, which a health check or systemd takes for a running
 * product. On a shared application server (Payara Server, WildFly) the other applications go on;
 * the server marks the deployment failed, and that is what its operator watches.
 */
@ApplicationScoped
public class RefusedStart {

  private static final Logger LOG = Logger.getLogger(RefusedStart.class.getName());

  /** EX_CONFIG of sysexits.h: a systemd unit can tell it from a crash and not restart in a loop. */
  public static final int EXIT_STATUS = 78;

  static final String PAYARA_MICRO_LAUNCHER = "fish.payara.micro.PayaraMicro";

  @Inject
  @ConfigProperty(name = "setup.exit-on-refused-start")
  String exit;

  /** Logs every problem, ends the process where that is the rule, and returns the failure. */
  public IllegalStateException refuse(List<String> problems) {
    String message =
        "Broker SSO refuses to start; fix the configuration (README, 'Configuration'): "
            + String.join("; ", problems);
    LOG.severe(
        () ->
            "Broker SSO refuses to start. "
                + problems.size()
                + " setting(s) to fix (README, 'Configuration'):\n  - "
                + String.join("\n  - ", problems));
    if (endsProcess()) {
      LOG.severe(
          "Ending the process with status " + EXIT_STATUS + " (setup.exit-on-refused-start)");
      // another thread: exiting on the deploying thread would wait for the deployment it is in
      Thread exiting = new Thread(() -> System.exit(EXIT_STATUS), "broker-sso-refused-start");
      exiting.start();
    }
    return new IllegalStateException(message);
  }

  boolean endsProcess() {
    return switch (exit.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> onPayaraMicro();
    };
  }

  /** Payara Micro runs one application: its launcher is on the system class path. */
  static boolean onPayaraMicro() {
    try {
      Class.forName(PAYARA_MICRO_LAUNCHER, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The sentence a refusing bean gave: the innermost {@link IllegalStateException}'s message (the
   * container may wrap what a constructor threw), else a pointer to the log.
   */
  public static String reason(Throwable refused) {
    String reason = null;
    for (Throwable t = refused; t != null; t = t.getCause()) {
      if (t instanceof IllegalStateException && t.getMessage() != null) {
        reason = t.getMessage();
      }
    }
    if (reason == null) {
      LOG.log(Level.SEVERE, "A setting could not be checked", refused);
      return "a setting could not be checked (" + refused.getClass().getSimpleName() + ", see log)";
    }
    return reason.replaceFirst("^Broker SSO refuses to start: ", "");
  }
}
