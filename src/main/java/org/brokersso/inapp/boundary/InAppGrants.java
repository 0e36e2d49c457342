package org.brokersso.inapp.boundary;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The InApp openings of this browser, one per screen at most (a new opening of a screen replaces
 * the last): each is a narrow grant of its own ({@link InAppGrant}), kept apart from the client
 * area's {@code SignedInTrader}. The screens ask for the live grant of their own path.
 */
@SessionScoped
public class InAppGrants implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<String, InAppGrant> byScreen = new HashMap<>();

  synchronized void open(InAppGrant grant) {
    byScreen.put(grant.screen(), grant);
  }

  /** The grant of this screen, live or not, as the gate needs it to tell "ended" from "none". */
  synchronized Optional<InAppGrant> of(String screen) {
    return Optional.ofNullable(byScreen.get(screen));
  }

  synchronized void end(String screen) {
    byScreen.remove(screen);
  }

  /** The grant the screen at {@code screen} was opened with, while it lasts. */
  public synchronized Optional<InAppGrant> live(String screen, Instant now) {
    return of(screen).filter(grant -> grant.isLiveAt(now));
  }
}
