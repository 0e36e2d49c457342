package org.brokersso.screen.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.brokersso.screen.control.LocalizedSettings;
import org.brokersso.screen.control.LocalizedSettings.Localized;

/**
 * The documents a trader accepts on the forms ({@code #{documents}}) and the footer's legal notice
 * (§7.4), each in the screen's language when the broker configured one (LocalizedSettings).
 */
@Named("documents")
@RequestScoped
public class LegalDocuments {

  @Inject LocalizedSettings settings;
  @Inject ScreenParameters screen;

  public Localized getTerms() {
    return settings.value("screen.terms-url", screen.getLang());
  }

  public Localized getPrivacyPolicy() {
    return settings.value("screen.privacy-url", screen.getLang());
  }

  public Localized getClientAgreement() {
    return settings.value("screen.client-agreement-url", screen.getLang());
  }

  public Localized getLegalNotice() {
    return settings.value("screen.legal-notice", screen.getLang());
  }
}
