package org.brokersso.metrics.control;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.brokersso.metrics.entity.Meter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private final Metrics metrics = new Metrics();

  @Test
  @DisplayName("counters are written in Prometheus's text format, with HELP and TYPE")
  void counters() {
    metrics.increment(Meter.CONTRACT_CALLS, "4.2", "ok");
    metrics.increment(Meter.CONTRACT_CALLS, "4.2", "ok");
    metrics.increment(Meter.CONTRACT_CALLS, "4.2", "CID_TOKEN_EXPIRED");
    metrics.add(Meter.PURGED_ROWS, 500, "audit_event");

    String text = metrics.scrape();

    assertTrue(text.contains("# TYPE brokersso_contract_calls_total counter\n"), text);
    assertTrue(text.contains("brokersso_contract_calls_total{call=\"4.2\",outcome=\"ok\"} 2\n"));
    assertTrue(
        text.contains(
            "brokersso_contract_calls_total{call=\"4.2\",outcome=\"CID_TOKEN_EXPIRED\"} 1\n"));
    assertTrue(text.contains("brokersso_purged_rows_total{table=\"audit_event\"} 500\n"));
  }

  @Test
  @DisplayName("latencies are a histogram: cumulative buckets, +Inf, sum and count")
  void latencies() {
    metrics.observe(Meter.CTRADER_CALLS, Duration.ofMillis(30), "3.5", "ok");
    metrics.observe(Meter.CTRADER_CALLS, Duration.ofSeconds(3), "3.5", "ok");

    String text = metrics.scrape();

    String series = "brokersso_ctrader_call_seconds_bucket{call=\"3.5\",outcome=\"ok\",";
    assertTrue(text.contains(series + "le=\"0.01\"} 0\n"), text);
    assertTrue(text.contains(series + "le=\"0.05\"} 1\n"));
    assertTrue(text.contains(series + "le=\"5.0\"} 2\n"));
    assertTrue(text.contains(series + "le=\"+Inf\"} 2\n"));
    assertTrue(
        text.contains("brokersso_ctrader_call_seconds_sum{call=\"3.5\",outcome=\"ok\"} 3.03\n"));
    assertTrue(
        text.contains("brokersso_ctrader_call_seconds_count{call=\"3.5\",outcome=\"ok\"} 2\n"));
  }

  @Test
  @DisplayName("label values are escaped; a wrong number of labels is refused")
  void labels() {
    metrics.increment(Meter.THROTTLED, "a\"b\\c\nd");
    assertTrue(
        metrics.scrape().contains("brokersso_throttled_total{throttle=\"a\\\"b\\\\c\\nd\"} 1\n"));
    assertThrows(IllegalArgumentException.class, () -> metrics.increment(Meter.LOGINS));
  }

  @Test
  @DisplayName("a gauge is read at each scrape; one that fails (database away) is left out")
  void gauges() {
    metrics.gauge(Meter.IN_DOUBT, () -> Map.of(List.of("money_movement", "true"), 3L));
    assertTrue(
        metrics
            .scrape()
            .contains("brokersso_items_unfinished{kind=\"money_movement\",in_doubt=\"true\"} 3\n"));

    metrics.gauge(
        Meter.IN_DOUBT,
        () -> {
          throw new IllegalStateException("database away");
        });
    String text = metrics.scrape();
    assertTrue(text.contains("# TYPE brokersso_items_unfinished gauge\n"));
    assertTrue(!text.contains("brokersso_items_unfinished{"));
  }
}
