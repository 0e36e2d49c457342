package org.brokersso.ctrader.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A call whose path the spec could not recover, so it is configuration ( method, 3.11, 3.12, in-app
 * token redeem; docs/contract-choices.md B1–B4, B9). One client is built per call with the
 * configured path as its base URI; null query parameters are left out.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ConfiguredPathClient {

  @GET
  Response get(
      @QueryParam("token") String token,
      @QueryParam("brokerCrmName") String brokerCrmName,
      @QueryParam("userId") Long userId,
      @QueryParam("email") String email);

  @POST
  Response post(
      @QueryParam("token") String token,
      @QueryParam("brokerCrmName") String brokerCrmName,
      @QueryParam("userId") Long userId,
      Object body);

  @PUT
  Response put(
      @QueryParam("token") String token,
      @QueryParam("brokerCrmName") String brokerCrmName,
      @QueryParam("userId") Long userId,
      Object body);

  @DELETE
  Response delete(
      @QueryParam("token") String token,
      @QueryParam("brokerCrmName") String brokerCrmName,
      @QueryParam("userId") Long userId);
}
