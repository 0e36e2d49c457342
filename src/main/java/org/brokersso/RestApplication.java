package org.brokersso;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.brokersso.kyc.boundary.OperatorKycResource;
import org.brokersso.kyc.boundary.SandboxKycResource;
import org.brokersso.operator.boundary.OperatorFilter;
import org.brokersso.operator.boundary.OperatorMetricsResource;
import org.brokersso.ribbon.boundary.OperatorRibbonsResource;
import org.brokersso.sandbox.boundary.SandboxInAppResource;
import org.brokersso.sandbox.boundary.SandboxLoginResource;
import org.brokersso.sso.boundary.AuthorizeResource;
import org.brokersso.sso.boundary.ContractCallMetrics;
import org.brokersso.sso.boundary.ContractErrorMapper;
import org.brokersso.sso.boundary.CrmApiTokenFilter;
import org.brokersso.sso.boundary.CrmApiTokenResource;
import org.brokersso.sso.boundary.DatabaseAvailability;
import org.brokersso.sso.boundary.FrameworkErrorMapper;
import org.brokersso.sso.boundary.LegacyEditionFilter;
import org.brokersso.sso.boundary.LogoutResource;
import org.brokersso.sso.boundary.OneTimeAuthorizeResource;
import org.brokersso.sso.boundary.OneTimeGenerateResource;
import org.brokersso.sso.boundary.UncachedResponses;

/**
 * JAX-RS at the server root: cTrader calls every endpoint relative to one base URL ({@code
 * https://crm.example.com/oauth2/...}), so the contract paths carry no API prefix.
 *
 * <p>The application is the composition root of the HTTP API, so it names every resource, filter
 * and mapper itself instead of letting the runtime scan: a scan also picks up the outbound
 * MicroProfile REST client interfaces (they carry {@code @Path} too) and any test double on the
 * class path, and a newcomer cannot see from one place what the product answers. {@code
 * RestApplicationTest} fails when a concrete {@code @Path}/{@code @Provider} class is missing here
 * or an interface is listed.
 */
@ApplicationPath("/")
public class RestApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        // the contract: calls 4.1-4.5 (sso), with their filters and error mappers
        CrmApiTokenResource.class,
        OneTimeAuthorizeResource.class,
        AuthorizeResource.class,
        OneTimeGenerateResource.class,
        LogoutResource.class,
        CrmApiTokenFilter.class,
        LegacyEditionFilter.class,
        ContractErrorMapper.class,
        FrameworkErrorMapper.class,
        UncachedResponses.class,
        ContractCallMetrics.class,
        DatabaseAvailability.class,
        // the broker's operators (password-protected, 404 when no operator password is set)
        OperatorFilter.class,
        OperatorKycResource.class,
        OperatorRibbonsResource.class,
        OperatorMetricsResource.class,
        // sandbox mode only (each answers 404 in live mode)
        SandboxLoginResource.class,
        SandboxInAppResource.class,
        SandboxKycResource.class);
  }

  /**
   * Jersey (Payara) would otherwise publish {@code /application.wadl}, a map of every path
   * including the operator and sandbox ones; and it would answer an error status without a body
   * with {@code sendError}, which hands the answer to the screens' HTML error page (web.xml): an
   * API answer is JSON, even then. RESTEasy (WildFly) ignores both keys.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.wadl.disableWadl", true,
        "jersey.config.server.response.setStatusOverSendError", true);
  }
}
