package org.brokersso.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's memory of access tokens it found live in the database, so that call 4.3, which
 * cTrader makes at every app launch, is answered without a query (docs/security.md, "Access tokens
 * in memory").
 *
 * <p>Why it stays right: a remembered token is answered from here only while this instance has read
 * the {@link RevocationFeed} within {@code sso.access-token.cache.staleness}; a revocation on any
 * instance is in that feed and makes every instance forget the user's tokens, and the revoking
 * request waits out the staleness bound before it answers whenever another instance polls the feed.
 * A lookup that began before a revocation was applied here is not remembered ({@link #generation}).
 */
@ApplicationScoped
public class AccessTokenCache {

  /** What 4.3 needs of a live access token, and whether its inappToken is stored. */
  public record Verified(
      long accessTokenId,
      long userId,
      Long ctidUserId,
      long oneTimeTokenId,
      Instant expiresAt,
      boolean inappBound) {

    Verified withInappBound() {
      return new Verified(accessTokenId, userId, ctidUserId, oneTimeTokenId, expiresAt, true);
    }
  }

  @Inject
  @ConfigProperty(name = "sso.access-token.cache.enabled")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "sso.access-token.cache.max-entries")
  int maxEntries;

  @Inject
  @ConfigProperty(name = "sso.access-token.cache.staleness")
  Duration staleness;

  private final Map<String, Verified> byHash = new ConcurrentHashMap<>();

  /** Counts revocations applied here; a lookup remembers its result only if none came between. */
  private final AtomicLong generation = new AtomicLong();

  /** {@link System#nanoTime} at the start of the last successful read of the feed. */
  private volatile long polledAtNanos;

  private volatile boolean polled;

  /** The remembered live token with this hash, if this instance's feed is fresh. */
  public Optional<Verified> live(String hash, Instant now) {
    if (!isFresh()) {
      return Optional.empty();
    }
    Verified verified = byHash.get(hash);
    if (verified == null) {
      return Optional.empty();
    }
    if (!now.isBefore(verified.expiresAt())) {
      byHash.remove(hash, verified);
      return Optional.empty();
    }
    return Optional.of(verified);
  }

  /** Take before reading the database; hand to {@link #remember}. */
  public long generation() {
    return generation.get();
  }

  /**
   * Keeps a token just found live in the database, unless a revocation was applied since {@code
   * generationBefore} (the database read may predate it). When full, starts over: a forgotten token
   * costs one query at its next launch.
   */
  public void remember(String hash, Verified verified, long generationBefore) {
    if (!enabled) {
      return;
    }
    if (byHash.size() >= maxEntries) {
      byHash.clear();
    }
    byHash.put(hash, verified);
    if (generation.get() != generationBefore) {
      byHash.remove(hash, verified); // a revocation raced the lookup: ask the database next time
    }
  }

  /** Forgets every token of these users (a revocation, here or read from the feed). */
  public void forget(Collection<Long> userIds) {
    if (userIds.isEmpty()) {
      return;
    }
    generation.incrementAndGet();
    byHash.values().removeIf(v -> userIds.contains(v.userId()));
  }

  /** The feed was read completely by a query that began at {@code startedNanos}. */
  void polled(long startedNanos) {
    polledAtNanos = startedNanos;
    polled = true;
  }

  /** The feed could not be read: answer from the database until it can. */
  void stale() {
    polled = false;
  }

  boolean isFresh() {
    return enabled && polled && System.nanoTime() - polledAtNanos < staleness.toNanos();
  }

  public int size() {
    return byHash.size();
  }
}
