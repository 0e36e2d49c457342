package org.brokersso.ribbon.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.operator.boundary.OperatorOnly;
import org.brokersso.ribbon.control.RibbonPublications;
import org.brokersso.ribbon.control.RibbonPublisher;
import org.brokersso.ribbon.control.Ribbons;
import org.brokersso.ribbon.entity.Publication;
import org.brokersso.ribbon.entity.RibbonRollout;
import org.brokersso.sso.boundary.ContractErrorMapper;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;

/**
 * Operators push the configured ribbons again after changing them (§5.7, call 3.9): {@code POST
 * /operator/ribbons} to every trader, in the background (202; 409 while a run is going); {@code GET
 * /operator/ribbons} shows the configured set and the run's progress; {@code POST
 * /operator/ribbons/{userId}} pushes to one trader, by cTrader userId, and waits (404 unknown
 * trader, 502 cTrader failed). 409 for both pushes when {@code ribbon.enabled=false}.
 */
@ApplicationScoped // not a @Boundary: the control classes commit each step apart, around the
// outside call
@OperatorOnly
@Path("operator/ribbons")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorRibbonsResource {

  @Inject Ribbons ribbons;
  @Inject RibbonPublisher publisher;
  @Inject RibbonPublications publications;
  @Inject Users users;

  public record Overview(boolean enabled, List<Ribbon> ribbons, RibbonRollout rollout) {}

  public record Pushed(long userId, String outcome) {}

  @GET
  public Overview overview() {
    return new Overview(ribbons.enabled(), ribbons.all(), publisher.rollout());
  }

  @POST
  public Response pushToAll() {
    requireEnabled();
    if (!publisher.publishToAll("operator")) {
      throw new ClientErrorException(
          "A push to every trader is already running", Response.Status.CONFLICT);
    }
    return Response.accepted(overview()).build();
  }

  @POST
  @Path("{userId}")
  public Response pushTo(@PathParam("userId") long ctidUserId) {
    requireEnabled();
    User user =
        users
            .byCtidUserId(ctidUserId)
            .orElseThrow(
                () -> new NotFoundException("No trader with cTrader userId " + ctidUserId));
    Publication outcome = publisher.publishTo(user.id());
    publications.audited("operator", user.id(), ctidUserId, "push to one trader: " + outcome);
    if (outcome == Publication.FAILED) {
      // answered here: the last-resort mapper turns any 5xx exception into a bare 500
      return ContractErrorMapper.of(
          502,
          "cTrader did not accept the ribbons; the trader stays pending (see the server log)",
          null);
    }
    return Response.ok(new Pushed(ctidUserId, outcome.name())).build();
  }

  private void requireEnabled() {
    if (!ribbons.enabled()) {
      throw new ClientErrorException(
          "ribbon.enabled is false: the product does not manage ribbons", Response.Status.CONFLICT);
    }
  }
}
