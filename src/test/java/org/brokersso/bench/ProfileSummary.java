package org.brokersso.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time of a profiled run goes, from JFR's execution samples: the share of samples
 * whose stack passes through each layer (inclusive, so shares overlap), and the hottest methods by
 * self time.
 */
final class ProfileSummary {

  /** Layers of one request, by the frames that identify them. */
  private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

  static {
    LAYERS.put("JDBC driver / database client", List.of("com.mysql.", "org.h2."));
    LAYERS.put("Hibernate (ORM, flush, queries)", List.of("org.hibernate."));
    LAYERS.put(
        "transaction manager (JTA)",
        List.of("com.sun.enterprise.transaction", "com.sun.jts", "org.glassfish.cdi.transaction"));
    LAYERS.put("connection pool", List.of("com.sun.enterprise.resource.pool", "com.sun.gjc."));
    LAYERS.put(
        "JSON (JSON-P / JSON-B)",
        List.of("org.eclipse.parsson", "org.eclipse.yasson", "org.glassfish.json"));
    LAYERS.put(
        "SHA-256 token hashing",
        List.of("sun.security.provider.SHA", "sun.security.provider.DigestBase"));
    LAYERS.put(
        "SecureRandom (token minting)",
        List.of(
            "java.security.SecureRandom",
            "sun.security.provider.NativePRNG",
            "sun.security.provider.DRBG"));
    LAYERS.put("Jersey (JAX-RS)", List.of("org.glassfish.jersey."));
    LAYERS.put(
        "Grizzly HTTP / servlet container",
        List.of("org.glassfish.grizzly.", "org.apache.catalina.", "com.sun.enterprise.web."));
    LAYERS.put("CDI (Weld proxies, interceptors)", List.of("org.jboss.weld."));
    LAYERS.put("logging", List.of("java.util.logging.", "com.sun.enterprise.server.logging"));
    LAYERS.put("product code (org.brokersso)", List.of("org.brokersso."));
  }

  static String summarise(Path recording) throws IOException {
    List<RecordedEvent> samples =
        RecordingFile.readAllEvents(recording).stream()
            .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample"))
            .toList();
    if (samples.isEmpty()) {
      return "(no execution samples recorded)\n";
    }
    Map<String, Integer> layerHits = new LinkedHashMap<>();
    Map<String, Integer> selfTime = new TreeMap<>();
    for (RecordedEvent sample : samples) {
      List<RecordedFrame> frames =
          sample.getStackTrace() == null ? List.of() : sample.getStackTrace().getFrames();
      for (Map.Entry<String, List<String>> layer : LAYERS.entrySet()) {
        boolean hit =
            frames.stream()
                .anyMatch(f -> layer.getValue().stream().anyMatch(p -> typeName(f).startsWith(p)));
        if (hit) {
          layerHits.merge(layer.getKey(), 1, Integer::sum);
        }
      }
      if (!frames.isEmpty()) {
        RecordedFrame top = frames.get(0);
        selfTime.merge(typeName(top) + "." + top.getMethod().getName(), 1, Integer::sum);
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("Execution samples: ").append(samples.size()).append("\n\n");
    out.append("| Layer (inclusive share of samples) | Share |\n|---|---|\n");
    layerHits.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(
            e ->
                out.append(
                    String.format(
                        "| %s | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / samples.size())));
    out.append("\n| Hottest methods (self time) | Share |\n|---|---|\n");
    out.append(
        selfTime.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(12)
            .map(
                e ->
                    String.format(
                        "| `%s` | %.1f%% |", e.getKey(), 100.0 * e.getValue() / samples.size()))
            .collect(Collectors.joining("\n")));
    return out.append("\n").toString();
  }

  private static String typeName(RecordedFrame frame) {
    return frame.getMethod() == null ? "?" : frame.getMethod().getType().getName();
  }

  private ProfileSummary() {}
}
