package org.brokersso.ctrader.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.brokersso.ctrader.entity.BalanceChange;
import org.brokersso.ctrader.entity.BalanceChangeRequest;
import org.brokersso.ctrader.entity.ManagerToken;
import org.brokersso.ctrader.entity.ManagerTokenRequest;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.ctrader.entity.TraderRequest;

/**
 * cTrader's WebServices calls, relative to {@code ctrader.url}: 3.1, 3.3, 3.5. Each path is written
 * out whole, so a search for a path of the contract lands here.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface WebservClient {

  /** 3.1 */
  @POST
  @Path("/v2/webserv/managers/token")
  ManagerToken managerToken(ManagerTokenRequest body);

  /** 3.3 */
  @POST
  @Path("/v2/webserv/traders")
  Trader createTrader(@QueryParam("token") String token, TraderRequest body);

  /** 3.5 */
  @POST
  @Path("/v2/webserv/traders/{login}/changebalance")
  BalanceChange changeBalance(
      @QueryParam("token") String token, @PathParam("login") long login, BalanceChangeRequest body);
}
