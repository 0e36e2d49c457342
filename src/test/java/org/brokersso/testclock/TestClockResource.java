package org.brokersso.testclock;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Test only, in the black-box test WAR: {@code POST /it/clock/advance?by=PT61S} moves the server's
 * {@link TestClock} forward and answers {@code {"offset":"PT2M2S","now":"..."}}. Unprotected on
 * purpose: it exists only on a test server, and a product WAR has no such path (404).
 */
@Path("clock")
@RequestScoped
public class TestClockResource {

  @Inject TestClock clock;

  /** How far ahead of the system clock the server's clock runs, and its time now. */
  public record Moved(String offset, String now) {}

  @POST
  @Path("advance")
  @Produces(MediaType.APPLICATION_JSON)
  public Moved advance(@QueryParam("by") String by) {
    Duration step;
    try {
      step = Duration.parse(by == null ? "" : by);
    } catch (DateTimeParseException e) {
      throw new WebApplicationException(
          "by must be an ISO-8601 duration", Response.Status.BAD_REQUEST);
    }
    if (step.isNegative()) {
      throw new WebApplicationException(
          "the test clock only moves forward", Response.Status.BAD_REQUEST);
    }
    Duration offset = clock.advance(step);
    return new Moved(offset.toString(), clock.instant().toString());
  }

  /** Stops the server's clock where it is ({@link TestClock#stop}). */
  @POST
  @Path("stop")
  @Produces(MediaType.APPLICATION_JSON)
  public Moved stop() {
    clock.stop();
    return new Moved("stopped", clock.instant().toString());
  }

  /** Lets a stopped clock run on from where it stood ({@link TestClock#restart}). */
  @POST
  @Path("restart")
  @Produces(MediaType.APPLICATION_JSON)
  public Moved restart() {
    clock.restart();
    return new Moved("running", clock.instant().toString());
  }
}
