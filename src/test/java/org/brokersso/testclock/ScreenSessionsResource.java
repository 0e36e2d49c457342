package org.brokersso.testclock;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Test only, in the black-box test WAR: {@code GET /it/sessions} answers how many HTTP sessions the
 * server has created since it started, how many live, and what the live ones hold (their attributes
 * Java-serialized: what a cluster would replicate), {@code {"created":3,"live":2,"bytes":9000,
 * "largest":6000}}.
 */
@Path("sessions")
@RequestScoped
public class ScreenSessionsResource {

  /** Sessions created so far and live now, and the serialized bytes of the live ones. */
  public record Count(long created, int live, long bytes, long largest) {}

  /**
   * One live session's serialized bytes: its attributes in one stream ({@code bytes}, as a
   * replicated session is stored), and each on its own ({@code attributes}).
   */
  public record Weight(String id, long bytes, Map<String, Long> attributes) {}

  /**
   * The live session {@code id} (the session cookie's value) as this instance holds it: what a
   * cluster replicates of it; 404 when this instance holds none by that id.
   */
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Weight weigh(@PathParam("id") String id) {
    for (var session : ScreenSessions.LIVE) {
      if (session.getId().equals(id)) {
        return new Weight(
            id, ScreenSessions.serializedTogether(session), ScreenSessions.attributeSizes(session));
      }
    }
    throw new NotFoundException();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Count count() {
    long bytes = 0;
    long largest = 0;
    int live = 0;
    for (var session : ScreenSessions.LIVE) {
      long size = ScreenSessions.serializedSize(session);
      bytes += size;
      largest = Math.max(largest, size);
      live++;
    }
    return new Count(ScreenSessions.CREATED.get(), live, bytes, largest);
  }
}
