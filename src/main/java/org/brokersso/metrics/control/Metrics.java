package org.brokersso.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.brokersso.metrics.entity.Meter;

/**
 * The product's counters, latencies and gauges, kept in this instance's memory and written out in
 * Prometheus's text format. Our own, not MicroProfile Metrics: Payara has it and WildFly 39 does
 * not (WildFly offers Micrometer instead), and the WAR must behave the same on both; each instance
 * is scraped on its own address, so nothing here needs to be shared.
 */
@ApplicationScoped
public class Metrics {

  private static final Logger LOG = Logger.getLogger(Metrics.class.getName());

  /** Upper bounds of the latency buckets, in seconds (cTrader's time-out is 10 s by default). */
  static final double[] BUCKETS = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final Map<Series, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<Series, Latencies> histograms = new ConcurrentHashMap<>();
  private final Map<Meter, Supplier<Map<List<String>, Long>>> gauges = new ConcurrentHashMap<>();

  public void increment(Meter meter, String... labelValues) {
    add(meter, 1, labelValues);
  }

  public void add(Meter meter, long amount, String... labelValues) {
    counters.computeIfAbsent(series(meter, labelValues), s -> new LongAdder()).add(amount);
  }

  public void observe(Meter meter, Duration took, String... labelValues) {
    histograms.computeIfAbsent(series(meter, labelValues), s -> new Latencies()).add(took);
  }

  /** A gauge read at each scrape: label values (in the meter's order) to value. */
  public void gauge(Meter meter, Supplier<Map<List<String>, Long>> reader) {
    gauges.put(meter, reader);
  }

  /** Everything recorded so far, in Prometheus's text exposition format (version 0.0.4). */
  public String scrape() {
    StringBuilder out = new StringBuilder();
    for (Meter meter : Meter.values()) {
      out.append("# HELP ")
          .append(meter.metricName())
          .append(' ')
          .append(meter.help())
          .append('\n');
      out.append("# TYPE ")
          .append(meter.metricName())
          .append(' ')
          .append(meter.kind().name().toLowerCase(Locale.ROOT))
          .append('\n');
      switch (meter.kind()) {
        case COUNTER ->
            counters.entrySet().stream()
                .filter(e -> e.getKey().meter() == meter)
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                    e -> sample(out, meter.metricName(), e.getKey().labels(), e.getValue().sum()));
        case HISTOGRAM ->
            histograms.entrySet().stream()
                .filter(e -> e.getKey().meter() == meter)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().write(out, meter.metricName(), e.getKey().labels()));
        case GAUGE -> readGauge(out, meter);
      }
    }
    return out.toString();
  }

  private void readGauge(StringBuilder out, Meter meter) {
    Supplier<Map<List<String>, Long>> reader = gauges.get(meter);
    if (reader == null) {
      return;
    }
    try {
      reader
          .get()
          .forEach(
              (values, value) -> sample(out, meter.metricName(), labels(meter, values), value));
    } catch (RuntimeException e) {
      // the database may be away; the other metrics are still worth a scrape
      LOG.log(Level.FINE, "Gauge " + meter.metricName() + " not read", e);
    }
  }

  private static Series series(Meter meter, String... values) {
    return new Series(meter, labels(meter, Arrays.asList(values)));
  }

  private static String labels(Meter meter, List<String> values) {
    if (values.size() != meter.labels().size()) {
      throw new IllegalArgumentException(meter + " takes labels " + meter.labels());
    }
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      labels.append(i == 0 ? "" : ",").append(meter.labels().get(i)).append("=\"");
      labels.append(escape(String.valueOf(values.get(i)))).append('"');
    }
    return labels.toString();
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static void sample(StringBuilder out, String name, String labels, Object value) {
    out.append(name);
    if (!labels.isEmpty()) {
      out.append('{').append(labels).append('}');
    }
    out.append(' ').append(value).append('\n');
  }

  /** One time series: a meter and its label values, already written as {@code a="x",b="y"}. */
  record Series(Meter meter, String labels) implements Comparable<Series> {
    @Override
    public int compareTo(Series other) {
      return labels.compareTo(other.labels);
    }
  }

  /** Cumulative buckets, sum and count of one histogram series. */
  static final class Latencies {
    private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    Latencies() {
      Arrays.setAll(buckets, i -> new LongAdder());
    }

    void add(Duration took) {
      double seconds = took.toNanos() / 1e9;
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          buckets[i].increment();
        }
      }
      count.increment();
      nanos.add(took.toNanos());
    }

    void write(StringBuilder out, String name, String labels) {
      String prefix = labels.isEmpty() ? "" : labels + ",";
      for (int i = 0; i < BUCKETS.length; i++) {
        sample(out, name + "_bucket", prefix + "le=\"" + BUCKETS[i] + "\"", buckets[i].sum());
      }
      long total = count.sum();
      sample(out, name + "_bucket", prefix + "le=\"+Inf\"", total);
      sample(out, name + "_sum", labels, nanos.sum() / 1e9);
      sample(out, name + "_count", labels, total);
    }
  }
}
