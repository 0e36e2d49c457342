package org.brokersso.testclock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test only, in the black-box test WAR ({@code Deployments.blackBox()}), never in the product WAR:
 * the server's one clock, running with the system clock but moved forward on request through {@link
 * TestClockResource}. The product reads every instant from the injected {@link Clock} ({@code
 * SystemClock} produces it), so moving this clock is how the black-box tests make a token outlive
 * its lifetime or a login wait run out without sleeping through it.
 *
 * <p>Being an enabled alternative (like the cTrader doubles of the in-container tests), it replaces
 * {@code SystemClock}'s clock for the whole test deployment. It only ever moves forward: the
 * black-box classes share one server and run one after the other, so a later test sees the clock an
 * earlier one moved; every test makes its own tokens after that, and lifetimes of days are
 * untouched by the few minutes the suite adds.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class TestClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /** While set, the instant the clock stands at ({@link #stop}). */
  private final AtomicReference<Instant> stopped = new AtomicReference<>();

  /** Moves the clock forward; answers how far ahead of the system clock it now runs. */
  Duration advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the test clock only moves forward, not by " + by);
    }
    return offset.accumulateAndGet(by, Duration::plus);
  }

  /**
   * Stops the clock where it is, so that no wait runs out while a test counts what a throttle
   * allows on a slow machine (ClusterIT); {@link #restart} lets it run on from there.
   */
  synchronized void stop() {
    stopped.compareAndSet(null, instant());
  }

  /** Lets a stopped clock run on from where it stood: it never goes back. */
  synchronized void restart() {
    Instant at = stopped.get();
    if (at != null) {
      offset.set(Duration.between(Instant.now(), at));
      stopped.set(null);
    }
  }

  @Override
  public Instant instant() {
    Instant at = stopped.get();
    return at != null ? at : Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The same moved time in another zone (as it is moved now: later advances do not reach it). */
  @Override
  public Clock withZone(ZoneId zone) {
    Instant at = stopped.get();
    return at != null ? Clock.fixed(at, zone) : Clock.offset(Clock.system(zone), offset.get());
  }
}
