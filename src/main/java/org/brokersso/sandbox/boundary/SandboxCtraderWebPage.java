package org.brokersso.sandbox.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Map;
import org.brokersso.persistence.Boundary;
import org.brokersso.setup.control.RunMode;
import org.brokersso.sso.control.OneTimeTokens;
import org.brokersso.sso.entity.ContractViolation;

/**
 * SANDBOX ONLY, the bean of {@code /sandbox/ctrader-web}: stands in for cTrader Web in the client
 * area's iframe (§5.6), so "Open cTrader Web" can be clicked through on a laptop. It does what
 * cTrader Web's backend does with the link's token: exchanges it as call 4.2 would (one unit of
 * work, hence a {@link Boundary}; a refused token still records its audit row), and shows whom that
 * logged in. 404 once {@code ctrader.url} is set.
 */
@Boundary
@Named("sandboxCtraderWeb")
@RequestScoped
public class SandboxCtraderWebPage {

  @Inject RunMode mode;
  @Inject OneTimeTokens oneTimeTokens;

  private Long userId;
  private String refusal;
  private String account;
  private String language;

  /** The view's action before rendering: 404 outside the sandbox, else the token is used up. */
  public void open() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (!mode.isSandbox()) {
      external.responseSendError(404, "Not Found");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    external.setResponseHeader("Cache-Control", "no-store");
    Map<String, String> query = external.getRequestParameterMap();
    account = query.get("acc");
    language = query.get("lang");
    try {
      userId = oneTimeTokens.exchange(query.get("token")).userId();
    } catch (ContractViolation refused) {
      refusal = refused.getMessage();
    }
  }

  public Long userId() {
    return userId;
  }

  public String refusal() {
    return refusal;
  }

  public String account() {
    return account;
  }

  public String language() {
    return language;
  }
}
