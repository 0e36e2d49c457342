package org.brokersso.ribbon.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.brokersso.ctrader.entity.Ribbon;
import org.brokersso.kyc.control.KycChecks;
import org.brokersso.ribbon.entity.ConfiguredRibbon;
import org.brokersso.setup.control.RunMode;
import org.brokersso.setup.control.SettingsChecked;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The broker's ribbons as configured ({@code ribbon.list}, {@code ribbon.enabled}), and the set one
 * trader is to see. Read once at start-up: a malformed list refuses the deployment with a message
 * naming the entry, rather than pushing half a set to every trader.
 */
@ApplicationScoped
public class Ribbons implements SettingsChecked {

  /**
   * Where paths point in the sandbox when {@code screen.public-url} is unset (the run command's
   * address).
   */
  static final String SANDBOX_PUBLIC_URL = "http://localhost:8080";

  @Inject
  @ConfigProperty(name = "ribbon.enabled")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "ribbon.list")
  Optional<String> list; // a list, split here: Payara cannot inject Optional<List<String>>

  @Inject
  @ConfigProperty(name = "screen.public-url")
  Optional<String> publicUrl;

  @Inject RunMode mode;
  @Inject KycChecks kyc;

  private List<ConfiguredRibbon> configured;
  private String publicBase;

  @PostConstruct
  void read() {
    configured = RibbonList.parse(list.orElse(RibbonList.NONE));
    publicBase =
        publicUrl
            .filter(u -> !u.isBlank())
            .map(String::strip)
            .orElse(mode.isSandbox() ? SANDBOX_PUBLIC_URL : null);
    if (publicBase == null && configured.stream().anyMatch(r -> r.target().startsWith("/"))) {
      throw new IllegalStateException("ribbon.list has paths, which need screen.public-url");
    }
  }

  /** Parses the list while the server starts. */
  @Override
  public void checkSettings() {
    configured.size();
  }

  /** False: the product never calls 3.9 (the broker manages ribbons elsewhere). */
  public boolean enabled() {
    return enabled;
  }

  /** Every configured ribbon, as call 3.9 sends it. */
  public List<Ribbon> all() {
    return configured.stream().map(r -> r.toRibbon(publicBase)).toList();
  }

  /**
   * The set for one trader (broker user id): all of them, less {@code until-kyc-approved} ones once
   * approved.
   */
  public List<Ribbon> forTrader(long userId) {
    boolean approved =
        configured.stream().anyMatch(ConfiguredRibbon::untilKycApproved) && kyc.isApproved(userId);
    return configured.stream()
        .filter(r -> !(approved && r.untilKycApproved()))
        .map(r -> r.toRibbon(publicBase))
        .toList();
  }

  /** Whether a KYC decision may change a trader's set. */
  public boolean dependOnKyc() {
    return configured.stream().anyMatch(ConfiguredRibbon::untilKycApproved);
  }
}
