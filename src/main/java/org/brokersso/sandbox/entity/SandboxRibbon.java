package org.brokersso.sandbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.ctrader.entity.RibbonAction;

/** One ribbon of a user's current set (call 3.9); the set is replaced as a whole. */
@Entity
@Table(name = "sandbox_ribbon")
@NamedQuery(
    name = SandboxRibbon.OF_USER,
    query = "SELECT r FROM SandboxRibbon r WHERE r.userId = :userId ORDER BY r.sortOrder")
@NamedQuery(
    name = SandboxRibbon.CLEAR,
    query = "DELETE FROM SandboxRibbon r WHERE r.userId = :userId")
public class SandboxRibbon {

  public static final String OF_USER = "SandboxRibbon.ofUser";
  public static final String CLEAR = "SandboxRibbon.clear";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private long userId;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Column(name = "color", nullable = false, length = 16)
  private String color;

  @Column(name = "title", nullable = false, length = 255)
  private String title;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "closable", nullable = false)
  private boolean closable;

  @Column(name = "url_external", length = 1024)
  private String urlExternal;

  @Column(name = "url_in_app", length = 1024)
  private String urlInApp;

  @Column(name = "broker_name", length = 64)
  private String brokerName;

  @Column(name = "ctid_trader_account_id", length = 32)
  private String ctidTraderAccountId;

  protected SandboxRibbon() {}

  public SandboxRibbon(long sandboxUserId, int sortOrder, Ribbon ribbon) {
    this.userId = sandboxUserId;
    this.sortOrder = sortOrder;
    this.color = ribbon.color();
    this.title = ribbon.title();
    this.enabled = ribbon.enabled();
    this.closable = ribbon.closable();
    this.urlExternal = ribbon.action().urlExternal();
    this.urlInApp = ribbon.action().urlinApp();
    this.brokerName = ribbon.brokerName();
    this.ctidTraderAccountId = ribbon.ctidTraderAccountId();
  }

  public Ribbon asRibbon() {
    return new Ribbon(
        color,
        title,
        enabled,
        closable,
        new RibbonAction(urlExternal, urlInApp),
        brokerName,
        ctidTraderAccountId);
  }
}
