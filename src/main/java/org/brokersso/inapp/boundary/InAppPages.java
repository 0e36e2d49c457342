package org.brokersso.inapp.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.brokersso.inapp.entity.InAppRefusal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the InApp pages without a form show: the refusal's reason (set by {@link InAppGate}), the
 * success page's message, and the support contact of the chat screen.
 */
@Named
@RequestScoped
public class InAppPages {

  /** What the success page may confirm (?what=), and nothing else. */
  private static final Set<String> OUTCOMES =
      Set.of("deposit", "withdrawal", "kyc", "account", "closed");

  @Inject HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "inapp.support-email")
  String supportEmail;

  public String getRefusalKey() {
    Object refusal = request.getAttribute(InAppRefusal.class.getName());
    return refusal instanceof InAppRefusal known
        ? known.messageKey()
        : InAppRefusal.MISSING_TOKEN.messageKey();
  }

  public String getDoneKey() {
    String what = request.getParameter("what");
    return "done." + (what != null && OUTCOMES.contains(what) ? what : "closed");
  }

  public String getSupportEmail() {
    return supportEmail;
  }
}
