package org.brokersso.operator.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.brokersso.metrics.control.Metrics;

/**
 * {@code GET /operator/metrics}: this instance's metrics in Prometheus's text format, for the
 * broker's monitoring, behind the operator password like every {@code /operator/*} path, so the
 * public that reaches the screens cannot read them (docs/operations-jobs-and-metrics.md).
 */
@ApplicationScoped
@OperatorOnly
@Path("operator/metrics")
public class OperatorMetricsResource {

  @Inject Metrics metrics;

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String scrape() {
    return metrics.scrape();
  }
}
