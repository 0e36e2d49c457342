package org.brokersso.setup.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock of the product: token lifetimes are measured on the CRM's clock (spec §10). */
@ApplicationScoped
public class SystemClock {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
