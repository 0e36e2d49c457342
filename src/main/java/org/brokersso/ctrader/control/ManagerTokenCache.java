package org.brokersso.ctrader.control;

import jakarta.ws.rs.ProcessingException;
import java.util.Objects;
import java.util.logging.Logger;
import org.brokersso.ctrader.entity.ManagerTokenRequest;

/**
 * Owns the manager token of call 3.1 (spec §1.2): fetched lazily on first use, shared by every
 * call, and fetched again when a call reports it invalid. The password is hashed once, here, and
 * neither it, its hash nor the token is ever logged.
 */
public class ManagerTokenCache {

  private static final Logger LOG = Logger.getLogger(ManagerTokenCache.class.getName());

  private final WebservClient client;
  private final long login;
  private final String hashedPassword;
  private String token;

  public ManagerTokenCache(WebservClient client, long login, String password) {
    this.client = client;
    this.login = login;
    this.hashedPassword = Md5Hash.of(password);
  }

  public synchronized String token() {
    if (token == null) {
      try {
        token = client.managerToken(new ManagerTokenRequest(login, hashedPassword)).webservToken();
      } catch (ProcessingException e) {
        throw new CtraderUnreachable(
            "cTrader's backend did not answer the manager-token call (3.1)", e);
      }
      if (token == null || token.isBlank()) {
        token = null;
        throw new CtraderUnreachable("call 3.1 answered no webservToken", null);
      }
      LOG.info(() -> "Manager token obtained for manager " + login);
    }
    return token;
  }

  /** Forgets the token a call found invalid, unless another call has already replaced it. */
  public synchronized void invalidate(String stale) {
    if (Objects.equals(token, stale)) {
      token = null;
    }
  }
}
