package org.brokersso.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One run of wrk (Debian's package) with one of the Lua scripts under src/test/resources/bench; the
 * script's done() hook prints the figures as one JSON line, which is parsed here. The full output
 * is kept under target/bench/raw. Errors are non-2xx answers, socket errors and time-outs, and the
 * 2xx answers a script found wrong ("bad", e.g. an introspection that says the token is inactive).
 */
final class WrkRun {

  record Figures(
      long requests, double perSecond, double p50Ms, double p99Ms, double maxMs, long errors) {}

  static Figures run(
      String baseUrl,
      String script,
      int concurrency,
      Duration duration,
      Map<String, String> env,
      Path rawOutput)
      throws IOException, InterruptedException {
    int threads = Math.min(2, concurrency); // the machine has two cores; the server needs them too
    Path scripts = Path.of("src/test/resources/bench").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "wrk",
                    "-t" + threads,
                    "-c" + concurrency,
                    "-d" + duration.toSeconds() + "s",
                    "--timeout",
                    "30s",
                    "-s",
                    scripts.resolve(script).toString(),
                    baseUrl))
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("BENCH_THREADS", Integer.toString(threads));
    builder.environment().put("BENCH_REPORT_LUA", scripts.resolve("report.lua").toString());
    Process wrk = builder.start();
    String output = new String(wrk.getInputStream().readAllBytes());
    if (wrk.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    Files.createDirectories(rawOutput.getParent());
    Files.writeString(rawOutput, output);
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("BENCH "))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(output));
    JsonObject json = Json.createReader(new StringReader(line.substring(6))).readObject();
    long requests = json.getJsonNumber("requests").longValue();
    double seconds = json.getJsonNumber("duration_us").longValue() / 1e6;
    long errors = 0;
    for (String kind : new String[] {"non2xx", "connect", "read", "write", "timeout", "bad"}) {
      errors += json.getJsonNumber(kind).longValue();
    }
    return new Figures(
        requests,
        requests / seconds,
        json.getJsonNumber("p50_us").longValue() / 1e3,
        json.getJsonNumber("p99_us").longValue() / 1e3,
        json.getJsonNumber("max_us").longValue() / 1e3,
        errors);
  }

  /** A warm-up run (not counted), then the measured one; raw output as {@code label}.txt. */
  static Figures afterWarmUp(
      String baseUrl,
      String script,
      int concurrency,
      Duration warmUp,
      Duration measured,
      Map<String, String> env,
      Path rawFolder,
      String label)
      throws IOException, InterruptedException {
    run(baseUrl, script, concurrency, warmUp, env, rawFolder.resolve(label + "-warmup.txt"));
    return run(baseUrl, script, concurrency, measured, env, rawFolder.resolve(label + ".txt"));
  }

  private WrkRun() {}
}
