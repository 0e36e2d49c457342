package org.brokersso.ctrader.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test only, deployed with {@code RestCtraderBackendIT}: a few of cTrader's calls as a JAX-RS
 * resource in the server itself, so the REST client is exercised on Payara's own REST client and
 * JSON-B (the unit tests use the same Jersey line outside the server). It keeps the raw body and
 * query of the last request per call.
 */
@Path("fake-ctrader")
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class FakeWebserv {

  /** Raw body and query string of the last request, per call name. */
  public static final Map<String, String> BODIES = new ConcurrentHashMap<>();

  public static final Map<String, String> QUERIES = new ConcurrentHashMap<>();

  @Context UriInfo uri;

  private Response record(String call, String body, Response response) {
    BODIES.put(call, body == null ? "" : body);
    QUERIES.put(
        call, uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery());
    return response;
  }

  private static Response json(int status, String json) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(json).build();
  }

  private static Response error(String code) {
    return json(400, "{\"error\":{\"errorCode\":\"" + code + "\",\"description\":\"fake\"}}");
  }

  @POST
  @Path("v2/webserv/managers/token")
  public Response token(String body) {
    boolean known =
        body.replace(" ", "").contains("\"hashedPassword\":\"4964e691fb934fe9174a9b9397b53c66\"");
    return record(
        "3.1",
        body,
        known ? json(200, "{\"webservToken\":\"fake-token\"}") : error("WRONG_PASSWORD"));
  }

  @POST
  @Path("cid/oauth2/ctid/create")
  public Response createUser(String body) {
    return record(
        "3.2",
        body,
        body.contains("taken@example.org")
            ? error("CH_EMAIL_ALREADY_EXISTS")
            : json(201, "{\"userId\":20481377}"));
  }

  @POST
  @Path("v2/webserv/traders")
  public Response createTrader(String body) {
    return record(
        "3.3",
        body,
        json(
            201,
            "{\"login\":3105542,\"moneyDigits\":2,\"balance\":12345,\"isLimitedRisk\":true,\"accountType\":\"NETTED\",\"unknownField\":1}"));
  }

  @POST
  @Path("v2/webserv/traders/{login}/changebalance")
  public Response changeBalance(@PathParam("login") long login, String body) {
    return record("3.5", body, error("NOT_ENOUGH_MONEY"));
  }

  @GET
  @Path("cid/oauth2/ctid/referral")
  public Response referral(@QueryParam("userId") Long userId) {
    return record("3.7", null, Response.ok().build());
  }

  @PUT
  @Path("cid/oauth2/ctid/inAppControls")
  public Response ribbons(String body) {
    return record("3.9", body, Response.status(201).build());
  }

  @PUT
  @Path("cid/oauth2/ctid/acceptAgreement")
  public Response acceptAgreement(String body) {
    return record("3.13", body, Response.ok().build());
  }
}
