package org.brokersso.inapp.boundary;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * The short session an InApp token opens (§6.6): the trader it named, until when. The token itself
 * is used up at once; the session lets the screen's form posts and its steps follow.
 */
@SessionScoped
public class InAppSession implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long userId;
  private Instant until;

  void open(long userId, Instant until) {
    this.userId = userId;
    this.until = until;
  }

  /** The trader, while the session lasts. */
  public Optional<Long> userAt(Instant now) {
    return userId != null && now.isBefore(until) ? Optional.of(userId) : Optional.empty();
  }

  public boolean isOpen() {
    return userId != null;
  }
}
