package org.brokersso.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.brokersso.mail.control.MailTransport;
import org.brokersso.mail.control.Mailer;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows how mail leaves the product and whether the server took the latest greeting or mail. It
 * stays UP when the mail server cannot be reached: readiness decides whether a load balancer sends
 * traders here, and logins, the token API and payments do not need mail. A monitor reads {@code
 * state}; a transport the server refuses already stopped the start.
 */
@Readiness
@ApplicationScoped
public class MailReadiness implements HealthCheck {

  @Inject Mailer mailer;

  @Override
  public HealthCheckResponse call() {
    MailTransport transport = mailer.transport();
    var answer =
        HealthCheckResponse.named("mail")
            .up()
            .withData("transport", transport.description())
            .withData("state", transport.state().name().toLowerCase());
    if (!transport.problem().isEmpty()) {
      answer.withData("problem", transport.problem());
    }
    return answer.build();
  }
}
