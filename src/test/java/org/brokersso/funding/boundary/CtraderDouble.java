package org.brokersso.funding.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.brokersso.ctrader.control.Md5Hash;

/**
 * Test only, deployed with {@code InAppChainIT}: cTrader's backend as an HTTP double at {@code
 * /ctrader-double}, speaking the wire format of calls 3.1–3.6, 3.9 and 3.13 (spec §2) and keeping
 * cTrader's state in memory: users by email, traders with their password hash and balance
 * (moneyDigits 2). Every request is journaled; {@code GET /ctrader-double/journal} hands the
 * journal and the balances to a test running as a client, as WireMock's request journal would.
 */
@ApplicationScoped
@Path("ctrader-double")
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Produces(MediaType.APPLICATION_JSON)
public class CtraderDouble {

  /** The spec's sample manager and broker identifiers (§2, call 3.1). */
  public static final long MANAGER_LOGIN = 30417;

  public static final String MANAGER_PASSWORD = "ManagerPass#1";
  public static final String CRM = "ACMECRM";
  public static final String BROKER = "ACMEFX";

  private final String webservToken = UUID.randomUUID().toString();
  // ids start at random, so accounts of earlier runs in the same database never collide
  private final AtomicLong ids =
      new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L));
  private final List<JsonObject> journal = new CopyOnWriteArrayList<>();
  private final Map<String, Long> users = new ConcurrentHashMap<>();
  private final Map<Long, String> traderPasswords = new ConcurrentHashMap<>();
  private final Map<Long, Long> balances = new ConcurrentHashMap<>();

  @Context UriInfo uri;

  @POST
  @Path("v2/webserv/managers/token")
  public Response managerToken(String body) {
    JsonObject request = parse(body);
    boolean manager =
        id(request, "login") == MANAGER_LOGIN
            && Md5Hash.of(MANAGER_PASSWORD).equals(request.getString("hashedPassword", ""));
    return journaled(
        "3.1",
        body,
        manager
            ? json(200, Json.createObjectBuilder().add("webservToken", webservToken))
            : error("WRONG_PASSWORD"));
  }

  @POST
  @Path("cid/oauth2/ctid/create")
  public Response createUser(@QueryParam("token") String token, String body) {
    return answer(
        "3.2",
        token,
        body,
        request -> {
          if (!CRM.equals(request.getString("brokerCrmName", null))) {
            return error("INVALID_REQUEST");
          }
          long userId = ids.incrementAndGet();
          boolean taken = users.putIfAbsent(request.getString("email"), userId) != null;
          return taken
              ? error("CH_EMAIL_ALREADY_EXISTS")
              : json(201, Json.createObjectBuilder().add("userId", userId));
        });
  }

  /** Everything in the query, no body. */
  @PUT
  @Path("cid/oauth2/ctid/acceptAgreement")
  public Response acceptAgreement(
      @QueryParam("token") String token,
      @QueryParam("brokerCrmName") String crm,
      @QueryParam("userId") long userId) {
    return answer(
        "3.13",
        token,
        null,
        none -> known(crm, userId) ? Response.ok().build() : error("INVALID_REQUEST"));
  }

  @POST
  @Path("v2/webserv/traders")
  public Response createTrader(@QueryParam("token") String token, String body) {
    return answer(
        "3.3",
        token,
        body,
        request -> {
          if (!BROKER.equals(request.getString("brokerName", null))) {
            return error("CH_PLANT_INVALID");
          }
          long login = ids.incrementAndGet();
          traderPasswords.put(login, request.getString("hashedPassword", ""));
          balances.put(login, 0L);
          // the created trader echoes the request and adds its login and scaled money fields (spec
          // §1.4)
          JsonObjectBuilder trader =
              Json.createObjectBuilder(request)
                  .remove("hashedPassword")
                  .add("login", login)
                  .add("moneyDigits", 2);
          List.of(
                  "balance",
                  "bonus",
                  "nonWithdrawableBonus",
                  "equity",
                  "usedMargin",
                  "freeMargin",
                  "cashEquity")
              .forEach(money -> trader.add(money, 0));
          return json(201, trader.add("registrationTimestamp", System.currentTimeMillis()));
        });
  }

  @POST
  @Path("cid/ctid/link")
  public Response link(@QueryParam("token") String token, String body) {
    return answer(
        "3.4",
        token,
        body,
        request -> {
          String password = traderPasswords.get(id(request, "traderLogin"));
          if (password == null) {
            return error("TRADER_NOT_FOUND");
          }
          boolean valid =
              password.equals(request.getString("traderPasswordHash", null))
                  && users.containsValue(id(request, "userId"))
                  && BROKER.equals(request.getString("brokerName", null))
                  && request.getBoolean("returnAccountDetails", false);
          return valid
              ? json(
                  200, Json.createObjectBuilder().add("ctidTraderAccountId", ids.incrementAndGet()))
              : error("INVALID_REQUEST");
        });
  }

  /** DEPOSIT and WITHDRAW move the balance; the credit types are not modelled. */
  @POST
  @Path("v2/webserv/traders/{login}/changebalance")
  public Response changeBalance(
      @QueryParam("token") String token, @PathParam("login") long login, String body) {
    return answer(
        "3.5",
        token,
        body,
        request -> {
          if (!balances.containsKey(login) || id(request, "login") != login) {
            return error("TRADER_NOT_FOUND");
          }
          BigDecimal amount =
              request.containsKey("preciseAmount")
                  ? request.getJsonNumber("preciseAmount").bigDecimalValue()
                  : BigDecimal.ZERO;
          if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            return error("CHANGE_BALANCE_BAD_AMOUNT");
          }
          long cents = amount.movePointRight(2).longValueExact();
          String type = request.getString("type", "");
          if (!type.equals("DEPOSIT") && !type.equals("WITHDRAW")) {
            return error("INVALID_REQUEST");
          }
          long after = balances.get(login) + (type.equals("DEPOSIT") ? cents : -cents);
          if (after < 0) {
            return error("NOT_ENOUGH_MONEY");
          }
          balances.put(login, after);
          return json(
              200, Json.createObjectBuilder().add("balanceHistoryId", ids.incrementAndGet()));
        });
  }

  @PUT
  @Path("cid/oauth2/ctid/referral")
  public Response setReferral(@QueryParam("token") String token, String body) {
    return answer(
        "3.6",
        token,
        body,
        request -> {
          boolean addressed =
              known(request.getString("brokerCrmName", null), id(request, "userId"))
                  || request.containsKey("ctidTraderAccountId");
          return addressed && request.containsKey("partnerId")
              ? Response.ok().build()
              : error("INVALID_REQUEST");
        });
  }

  @PUT
  @Path("cid/oauth2/ctid/inAppControls")
  public Response ribbons(@QueryParam("token") String token, String body) {
    return answer(
        "3.9",
        token,
        body,
        request -> {
          boolean valid =
              known(request.getString("brokerCrmName", null), id(request, "userId"))
                  && request.containsKey("rules");
          return valid ? Response.status(201).build() : error("INVALID_REQUEST");
        });
  }

  /**
   * Not cTrader's: the requests received, oldest first, with the status answered, and each trader's
   * balance in cents.
   */
  @GET
  @Path("journal")
  public JsonObject journal() {
    JsonObjectBuilder cents = Json.createObjectBuilder();
    balances.forEach((login, balance) -> cents.add(Long.toString(login), balance));
    return Json.createObjectBuilder()
        .add("requests", Json.createArrayBuilder(journal))
        .add("balances", cents)
        .build();
  }

  /**
   * A call authenticated by the manager token (spec §1.2); one at a time, so the state needs no
   * finer locking.
   */
  private synchronized Response answer(
      String call, String token, String body, Function<JsonObject, Response> handler) {
    return journaled(
        call,
        body,
        webservToken.equals(token) ? handler.apply(parse(body)) : Response.status(401).build());
  }

  private boolean known(String crm, long userId) {
    return CRM.equals(crm) && users.containsValue(userId);
  }

  private Response journaled(String call, String body, Response answer) {
    journal.add(
        Json.createObjectBuilder()
            .add("call", call)
            .add("path", uri.getPath())
            .add(
                "query",
                uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery())
            .add("body", body == null ? "" : body)
            .add("status", answer.getStatus())
            .build());
    return answer;
  }

  private static long id(JsonObject request, String key) {
    return request.get(key) instanceof JsonNumber number ? number.longValue() : -1;
  }

  private static JsonObject parse(String body) {
    return Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))
        .readObject();
  }

  private static Response json(int status, JsonObjectBuilder body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(body.build().toString())
        .build();
  }

  /** cTrader's error answer (spec §5.1). */
  private static Response error(String code) {
    return json(
        400,
        Json.createObjectBuilder()
            .add(
                "error",
                Json.createObjectBuilder().add("errorCode", code).add("description", code)));
  }
}
