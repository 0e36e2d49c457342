package org.brokersso.ribbon.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Whether a trader's ribbons in cTrader may differ from the configured ones ({@code pending}), and
 * how the last push went. No row for a trader means their ribbons were never pushed. A run over
 * pending traders ({@link #PENDING_AFTER}) leaves out those cTrader does not know yet (signed up,
 * no account opened): nothing can be pushed to them, and a retry must not spend its turn on them.
 */
@Entity
@Table(name = "ribbon_publication")
@NamedQuery(
    name = RibbonPublication.PENDING_AFTER,
    query =
        "SELECT p.userId FROM RibbonPublication p, User u WHERE u.id = p.userId"
            + " AND u.ctidUserId IS NOT NULL AND p.pending = true AND p.userId > :after"
            + " ORDER BY p.userId")
@NamedQuery(name = RibbonPublication.COUNT, query = "SELECT COUNT(p) FROM RibbonPublication p")
@NamedQuery(
    name = RibbonPublication.COUNT_PENDING,
    query = "SELECT COUNT(p) FROM RibbonPublication p WHERE p.pending = true")
@NamedQuery(
    name = RibbonPublication.COUNT_FAILED,
    query =
        "SELECT COUNT(p) FROM RibbonPublication p WHERE p.pending = true AND p.lastError IS NOT NULL")
public class RibbonPublication {

  public static final String PENDING_AFTER = "RibbonPublication.pendingAfter";
  public static final String COUNT = "RibbonPublication.count";
  public static final String COUNT_PENDING = "RibbonPublication.countPending";
  public static final String COUNT_FAILED = "RibbonPublication.countFailed";

  @Id
  @Column(name = "user_id")
  private long userId;

  @Column(name = "pending", nullable = false)
  private boolean pending;

  @Column(name = "attempted_at")
  private Long attemptedAt;

  @Column(name = "published_at")
  private Long publishedAt;

  @Column(name = "last_error", length = 255)
  private String lastError;

  protected RibbonPublication() {}

  public RibbonPublication(long userId) {
    this.userId = userId;
    this.pending = true;
  }

  public void published(Instant at) {
    pending = false;
    attemptedAt = at.toEpochMilli();
    publishedAt = attemptedAt;
    lastError = null;
  }

  public void failed(String error, Instant at) {
    pending = true;
    attemptedAt = at.toEpochMilli();
    lastError = error == null || error.length() <= 255 ? error : error.substring(0, 255);
  }

  public long userId() {
    return userId;
  }

  public boolean isPending() {
    return pending;
  }

  public String lastError() {
    return lastError;
  }
}
