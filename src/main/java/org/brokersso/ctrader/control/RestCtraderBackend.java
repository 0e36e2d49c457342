package org.brokersso.ctrader.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.brokersso.ctrader.entity.BalanceChangeRequest;
import org.brokersso.ctrader.entity.BalanceChangeType;
import org.brokersso.ctrader.entity.ChangeEmailRequest;
import org.brokersso.ctrader.entity.CreateUserRequest;
import org.brokersso.ctrader.entity.CtidUserId;
import org.brokersso.ctrader.entity.InAppControlsRequest;
import org.brokersso.ctrader.entity.InAppTokenRedeemRequest;
import org.brokersso.ctrader.entity.LinkRequest;
import org.brokersso.ctrader.entity.RedeemedInAppToken;
import org.brokersso.ctrader.entity.Referral;
import org.brokersso.ctrader.entity.ReferralRequest;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.Trader;
import org.brokersso.ctrader.entity.TraderRequest;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * {@link CtraderBackend} over HTTPS to the backend at {@code ctrader.url}: MicroProfile REST
 * clients for {@code /v2} ({@link WebservClient}) and {@code /cid} ({@link CidClient}), plus one
 * client per call whose path is configured. Not a CDI bean: {@link CtraderBackendSelector} builds
 * it from {@link WebservSettings}, so the tests can build it against the HTTP double too.
 */
public class RestCtraderBackend implements CtraderBackend {

  /**
   * The body of a write that carries everything in the query (3.12, 3.13): empty, so nothing but
   * {@code Content-Length: 0} is sent, and the client never sees a PUT without entity (Jersey warns
   * at each one, or refuses it).
   */
  private static final String NO_BODY = "";

  /**
   * Jersey's connector on Payara is the JDK's HttpURLConnection, which silently sends a buffered
   * request body again when the connection drops before an answer: a 3.5 that cTrader booked would
   * be booked twice, and the caller would see one success. A streamed (chunked) body is never
   * resent, so a dropped connection surfaces as "unreachable" and the call is held in doubt.
   * RESTEasy (WildFly) ignores the key; its client does not resend a POST.
   */
  private static final String NEVER_RESEND = "jersey.config.client.request.entity.processing";

  private final WebservSettings settings;
  private final WebservClient webserv;
  private final CidClient cid;
  private final ConfiguredPathClient userIdByEmailCall;
  private final ConfiguredPathClient logOutCall;
  private final ConfiguredPathClient redeemCall;
  private final CallPolicy calls;
  private final Jsonb jsonb = JsonbBuilder.create();

  public RestCtraderBackend(WebservSettings settings) {
    this(settings, CallTimer.NONE);
  }

  /** {@code timer} hears of every call once it is over. */
  public RestCtraderBackend(WebservSettings settings, CallTimer timer) {
    this.settings = settings;
    this.webserv = client(WebservClient.class, settings.resolve("/"));
    this.cid = client(CidClient.class, settings.resolve("/"));
    this.userIdByEmailCall =
        client(ConfiguredPathClient.class, settings.resolve(settings.userIdByEmailPath()));
    this.logOutCall = client(ConfiguredPathClient.class, settings.resolve(settings.logOutPath()));
    this.redeemCall =
        client(ConfiguredPathClient.class, settings.resolve(settings.inAppTokenRedeemPath()));
    ManagerTokenCache tokens =
        new ManagerTokenCache(webserv, settings.managerLogin(), settings.managerPassword());
    this.calls = new CallPolicy(tokens, settings.readRetries(), timer);
  }

  private <T> T client(Class<T> type, URI base) {
    long timeout = settings.timeout().toMillis();
    return RestClientBuilder.newBuilder()
        .baseUri(base)
        .connectTimeout(timeout, TimeUnit.MILLISECONDS)
        .readTimeout(timeout, TimeUnit.MILLISECONDS)
        .property(NEVER_RESEND, "CHUNKED")
        .register(WebservErrorMapper.class)
        .build(type);
  }

  @Override
  public String mode() {
    return "rest";
  }

  @Override
  public long createUser(CreateUserRequest user) {
    CreateUserRequest body = user.forCrm(settings.brokerCrmName());
    return required(
        calls.write("3.2", token -> cid.createUser(token, body)).userId(), "3.2", "userId");
  }

  @Override
  public void acceptAgreement(long userId) {
    calls
        .write(
            "3.13", token -> cid.acceptAgreement(token, settings.brokerCrmName(), userId, NO_BODY))
        .close();
  }

  @Override
  public Trader openTradingAccount(TraderRequest trader) {
    TraderRequest body = trader.forBroker(settings.brokerName());
    Trader created = calls.write("3.3", token -> webserv.createTrader(token, body));
    required(created.login(), "3.3", "login");
    return created;
  }

  @Override
  public long linkAccount(long userId, long traderLogin, String traderPasswordHash) {
    LinkRequest body =
        new LinkRequest(
            traderLogin,
            traderPasswordHash,
            userId,
            settings.brokerName(),
            settings.environmentName(),
            true);
    return required(
        calls.write("3.4", token -> cid.link(token, body)).ctidTraderAccountId(),
        "3.4",
        "ctidTraderAccountId");
  }

  @Override
  public long changeBalance(
      long traderLogin, BalanceChangeType type, BigDecimal amount, String externalId) {
    BalanceChangeRequest body = BalanceChangeRequest.of(traderLogin, type, amount, externalId);
    return required(
        calls
            .write("3.5", token -> webserv.changeBalance(token, traderLogin, body))
            .balanceHistoryId(),
        "3.5",
        "balanceHistoryId");
  }

  @Override
  public void setPartner(long userId, Long ctidTraderAccountId, String partnerId) {
    ReferralRequest body =
        new ReferralRequest(settings.brokerCrmName(), partnerId, userId, ctidTraderAccountId);
    calls.write("3.6", token -> cid.setReferral(token, body)).close();
  }

  @Override
  public Optional<Referral> partnerOf(long userId, Long ctidTraderAccountId) {
    // the user id is not sent for an account-level read: the spec asks for one of the two
    Long user = ctidTraderAccountId == null ? userId : null;
    String body =
        calls.read(
            "3.7",
            token ->
                text(cid.referral(token, settings.brokerCrmName(), user, ctidTraderAccountId)));
    return body.isBlank()
        ? Optional.empty()
        : Optional.of(jsonb.fromJson(body, Referral.class)).filter(r -> r.partnerId() != null);
  }

  @Override
  public void removePartner(long userId, Long ctidTraderAccountId) {
    calls
        .write(
            "3.8",
            token ->
                cid.deleteReferral(token, settings.brokerCrmName(), userId, ctidTraderAccountId))
        .close();
  }

  @Override
  public void showRibbons(long userId, List<Ribbon> ribbons) {
    InAppControlsRequest body = InAppControlsRequest.of(settings.brokerCrmName(), userId, ribbons);
    calls.write("3.9", token -> cid.inAppControls(token, body)).close();
  }

  @Override
  public void changeEmail(long userId, String newEmail) {
    ChangeEmailRequest body = new ChangeEmailRequest(userId, newEmail, settings.brokerCrmName());
    boolean post = "POST".equals(settings.changeEmailMethod());
    calls
        .write(
            "3.10",
            token -> post ? cid.changeEmailByPost(token, body) : cid.changeEmail(token, body))
        .close();
  }

  @Override
  public OptionalLong findUserId(String email) {
    ConfiguredPathClient client = userIdByEmailCall;
    String body =
        calls.read("3.11", token -> text(client.get(token, settings.brokerCrmName(), null, email)));
    Long userId = body.isBlank() ? null : jsonb.fromJson(body, CtidUserId.class).userId();
    return userId == null ? OptionalLong.empty() : OptionalLong.of(userId);
  }

  @Override
  public void logOut(long userId) {
    ConfiguredPathClient client = logOutCall;
    String crm = settings.brokerCrmName();
    calls
        .write(
            "3.12",
            token ->
                switch (settings.logOutMethod()) {
                  case "PUT" -> client.put(token, crm, userId, NO_BODY);
                  case "DELETE" -> client.delete(token, crm, userId);
                  case "GET" -> client.get(token, crm, userId, null);
                  default -> client.post(token, crm, userId, NO_BODY);
                })
        .close();
  }

  @Override
  public RedeemedInAppToken redeemInAppToken(String oneTimeToken) {
    ConfiguredPathClient client = redeemCall;
    InAppTokenRedeemRequest body = new InAppTokenRedeemRequest(oneTimeToken);
    String answer = calls.write("redeem", token -> text(client.post(token, null, null, body)));
    return jsonb.fromJson(answer, RedeemedInAppToken.class);
  }

  private static String text(Response response) {
    try (response) {
      if (!response.hasEntity()) {
        return "";
      }
      String body = response.readEntity(String.class);
      return body == null ? "" : body;
    }
  }

  private static long required(Long value, String call, String field) {
    if (value == null) {
      // it answered success, so it may well have acted: not a rejection
      throw new CtraderUnreachable("call " + call + " answered without " + field, null);
    }
    return value;
  }
}
