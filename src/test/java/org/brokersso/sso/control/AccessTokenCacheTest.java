package org.brokersso.sso.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.brokersso.sso.control.AccessTokenCache.Verified;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What call 4.3's memory answers, and when it must ask the database instead. */
class AccessTokenCacheTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  private final AccessTokenCache cache = new AccessTokenCache();

  @BeforeEach
  void configured() {
    cache.enabled = true;
    cache.maxEntries = 3;
    cache.staleness = Duration.ofSeconds(30);
    cache.polled(System.nanoTime());
  }

  private static Verified of(long userId, Instant expiresAt) {
    return new Verified(userId * 10, userId, userId * 100, userId * 1000, expiresAt, true);
  }

  @Test
  @DisplayName("a remembered live token is answered; an unknown one is not")
  void remembers() {
    cache.remember("h1", of(1, NOW.plusSeconds(60)), cache.generation());
    assertEquals(100L, cache.live("h1", NOW).orElseThrow().ctidUserId());
    assertTrue(cache.live("h2", NOW).isEmpty());
  }

  @Test
  @DisplayName("a token is not answered from memory at or after its expiry")
  void expires() {
    cache.remember("h1", of(1, NOW.plusSeconds(60)), cache.generation());
    assertTrue(cache.live("h1", NOW.plusSeconds(60)).isEmpty());
    assertEquals(0, cache.size());
  }

  @Test
  @DisplayName("a revocation forgets every token of the user, and only theirs")
  void forgetsTheUser() {
    cache.remember("a1", of(1, NOW.plusSeconds(60)), cache.generation());
    cache.remember("a2", of(1, NOW.plusSeconds(60)), cache.generation());
    cache.remember("b1", of(2, NOW.plusSeconds(60)), cache.generation());
    cache.forget(List.of(1L));
    assertTrue(cache.live("a1", NOW).isEmpty());
    assertTrue(cache.live("a2", NOW).isEmpty());
    assertTrue(cache.live("b1", NOW).isPresent());
  }

  @Test
  @DisplayName(
      "a database read that began before a revocation was applied is not remembered: it may have"
          + " seen the token still live")
  void aLookupRacingARevocationIsNotRemembered() {
    long before = cache.generation();
    cache.forget(List.of(7L)); // applied while the lookup was reading the database
    cache.remember("h1", of(1, NOW.plusSeconds(60)), before);
    assertTrue(cache.live("h1", NOW).isEmpty());
  }

  @Test
  @DisplayName("without a recent read of the revocation feed nothing is answered from memory")
  void staleFeedMeansTheDatabase() {
    cache.remember("h1", of(1, NOW.plusSeconds(60)), cache.generation());
    cache.stale();
    assertTrue(cache.live("h1", NOW).isEmpty());
    cache.polled(System.nanoTime() - Duration.ofSeconds(31).toNanos());
    assertFalse(cache.isFresh(), "the last read began longer ago than the staleness bound");
    assertTrue(cache.live("h1", NOW).isEmpty());
    cache.polled(System.nanoTime());
    assertTrue(cache.live("h1", NOW).isPresent());
  }

  @Test
  @DisplayName("when full it starts over rather than grow; switched off it remembers nothing")
  void boundedAndSwitchable() {
    for (int i = 0; i < 4; i++) {
      cache.remember("h" + i, of(i, NOW.plusSeconds(60)), cache.generation());
    }
    assertEquals(1, cache.size());
    cache.enabled = false;
    cache.remember("x", of(9, NOW.plusSeconds(60)), cache.generation());
    assertTrue(cache.live("x", NOW).isEmpty());
  }
}
