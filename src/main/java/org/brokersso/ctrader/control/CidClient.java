package org.brokersso.ctrader.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.brokersso.ctrader.entity.ChangeEmailRequest;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.brokersso.ctrader.entity.CtidUserId;
import org.brokersso.ctrader.entity.InAppControlsRequest;
import org.brokersso.ctrader.entity.Link;
import org.brokersso.ctrader.entity.LinkRequest;
import org.brokersso.ctrader.entity.ReferralRequest;

/**
 * cTrader's cTID calls with a fixed path, relative to {@code ctrader.url}: 3.2, 3.4, 3.6–3.10,
 * 3.13. Each path is written out whole, so a search for a path of the contract lands here. Calls
 * that may answer an empty body return the raw {@link Response}.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface CidClient {

  String CHANGE_EMAIL = "/cid/oauth2/ctid/changeEmail";

  /** 3.2 */
  @POST
  @Path("/cid/oauth2/ctid/create")
  CtidUserId createUser(@QueryParam("token") String token, CreateUserRequest body);

  /** 3.4 */
  @POST
  @Path("/cid/ctid/link")
  Link link(@QueryParam("token") String token, LinkRequest body);

  /** 3.6 */
  @PUT
  @Path("/cid/oauth2/ctid/referral")
  Response setReferral(@QueryParam("token") String token, ReferralRequest body);

  /** 3.7 */
  @GET
  @Path("/cid/oauth2/ctid/referral")
  Response referral(
      @QueryParam("token") String token,
      @QueryParam("brokerCrmName") String brokerCrmName,
      @QueryParam("userId") Long userId,
      @QueryParam("ctidTraderAccountId") Long ctidTraderAccountId);

  /** 3.8 */
  @DELETE
  @Path("/cid/oauth2/ctid/referral")
  Response deleteReferral(
      @QueryParam("token") String token,
      @QueryParam("brokerCrmName") String brokerCrmName,
      @QueryParam("userId") long userId,
      @QueryParam("ctidTraderAccountId") Long ctidTraderAccountId);

  /** 3.9 */
  @PUT
  @Path("/cid/oauth2/ctid/inAppControls")
  Response inAppControls(@QueryParam("token") String token, InAppControlsRequest body);

  /** 3.10, as the contract's table has it (PUT). */
  @PUT
  @Path(CHANGE_EMAIL)
  Response changeEmail(@QueryParam("token") String token, ChangeEmailRequest body);

  /** 3.10 with POST, as the contract's prose has it ({@code ctrader.change-email.method=POST}). */
  @POST
  @Path(CHANGE_EMAIL)
  Response changeEmailByPost(@QueryParam("token") String token, ChangeEmailRequest body);

  /**
   * 3.13: everything in the query. {@code noBody} is the empty string: only {@code Content-Length:
   * 0} goes on the wire, and the client has the entity a PUT must carry.
   */
  @PUT
  @Path("/cid/oauth2/ctid/acceptAgreement")
  Response acceptAgreement(
      @QueryParam("token") String token,
      @QueryParam("brokerCrmName") String brokerCrmName,
      @QueryParam("userId") long userId,
      String noBody);
}
