package org.brokersso.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.brokersso.mail.control.MailNotSent;
import org.brokersso.mail.control.MailTexts;
import org.brokersso.mail.control.Mailer;
import org.brokersso.user.control.Users;
import org.brokersso.user.entity.User;

/**
 * The welcome e-mail (§6.1, §6.9), in the trader's preferred language, once their first trading
 * account is open. A mail that cannot be sent is logged and never stops the trader's login.
 */
@ApplicationScoped
public class Welcome {

  private static final Logger LOG = Logger.getLogger(Welcome.class.getName());

  @Inject Users users;
  @Inject Onboarding onboarding;
  @Inject Mailer mailer;
  @Inject MailTexts texts;

  public void afterFirstAccount(long userId) {
    if (onboarding.accountsOf(userId).stream().filter(a -> a.isLinked()).count() != 1) {
      return;
    }
    User user = users.byId(userId).orElseThrow();
    try {
      mailer.send(texts.welcome(user.email(), user.preferredLanguage()));
    } catch (MailNotSent failure) {
      LOG.warning(() -> "Welcome e-mail to user " + userId + " not sent: " + failure.getMessage());
    }
  }
}
