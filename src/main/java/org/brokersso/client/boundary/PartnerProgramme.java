package org.brokersso.client.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.brokersso.screen.boundary.ScreenParameters;
import org.brokersso.user.boundary.SignedInTrader;
import org.brokersso.user.control.Partners;
import org.brokersso.user.entity.User;

/**
 * The partner programme at {@code /client/partner} (§6.8, conformance 6.3.3): become a partner,
 * share the signup link carrying one's {@code partnerId}, and see the traders it brought.
 */
@Named
@RequestScoped
public class PartnerProgramme {

  @Inject Partners partners;
  @Inject SignedInTrader signedIn;
  @Inject ScreenParameters screen;

  private User partner;

  public User getPartner() {
    if (partner == null) {
      partner = partners.of(signedIn.userId().orElseThrow());
    }
    return partner;
  }

  public void join() {
    partner = partners.join(signedIn.userId().orElseThrow());
  }

  /** The signup link to share: the one login/signup URL with firstLogin=true and the partnerId. */
  public String getReferralLink() {
    return getPartner().partnerCode() == null
        ? null
        : partners.referralLink(getPartner().partnerCode());
  }

  public List<User> getReferred() {
    return getPartner().partnerCode() == null
        ? List.of()
        : partners.referredBy(getPartner().partnerCode());
  }
}
