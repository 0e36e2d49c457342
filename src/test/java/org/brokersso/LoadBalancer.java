package org.brokersso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's {@code haproxy} package) in front of a {@link PayaraCluster}, as
 * docs/operations.md sets one up: round-robin, no stickiness, each server health-checked with
 * {@code GET /health/ready} every second (out after two failures), a connection the server refused
 * sent to another one. It runs in the foreground as a child process with a generated configuration
 * ({@code target/haproxy.cfg}, log {@code target/haproxy.log}); each answer names the instance that
 * gave it in {@value #SERVED_BY}.
 */
public final class LoadBalancer implements AutoCloseable {

  /** The response header naming the instance that answered. */
  public static final String SERVED_BY = "X-Served-By";

  private static final Path CONFIG = Path.of("target", "haproxy.cfg");
  private static final Path LOG = Path.of("target", "haproxy.log");

  private final Process process;
  private final URI base;

  public LoadBalancer(List<PayaraCluster.Instance> instances) {
    int port = BlackBoxServer.freePort();
    StringBuilder config =
        new StringBuilder(
            """
            global
              maxconn 512
            defaults
              mode http
              timeout connect 5s
              timeout client 180s
              timeout server 180s
              retries 3
              option redispatch
            frontend screens
              bind 127.0.0.1:%d
              # a cleartext HTTP/2 upgrade (java.net.http offers one) would turn the connection
              # into a tunnel to one instance: no more balancing, health checks or headers
              http-request del-header Upgrade if { req.hdr(Upgrade) -i h2c }
              http-request del-header HTTP2-Settings
              default_backend instances
            backend instances
              balance roundrobin
              option httpchk GET /health/ready
              http-check expect status 200
              default-server inter 1s fall 2 rise 1
              http-response set-header %s %%s
            """
                .formatted(port, SERVED_BY));
    for (PayaraCluster.Instance instance : instances) {
      config.append(
          "  server %s 127.0.0.1:%d check%n".formatted(instance.name(), instance.base().getPort()));
    }
    try {
      Files.writeString(CONFIG, config);
      process =
          new ProcessBuilder("haproxy", "-db", "-f", CONFIG.toString())
              .redirectErrorStream(true)
              .redirectOutput(LOG.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start haproxy (apt-get install haproxy)", e);
    }
    base = URI.create("http://localhost:" + port + "/");
    awaitBothServing(instances.size());
  }

  /** The load balancer's address, ending in "/". */
  public URI base() {
    return base;
  }

  /** Waits until readiness through the balancer has been answered by every instance. */
  private void awaitBothServing(int instances) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Set<String> seen = new HashSet<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String last = "nothing yet";
    while (seen.size() < instances) {
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(base.resolve("health/ready"))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        last = ready.statusCode() + " " + ready.headers().map() + " " + ready.body();
        if (ready.statusCode() == 200) {
          ready.headers().firstValue(SERVED_BY).ifPresent(seen::add);
        }
      } catch (IOException notYet) {
        last = notYet.toString(); // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException(
            "haproxy does not serve every instance (served: "
                + seen
                + "; last answer: "
                + last
                + "); see "
                + LOG);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
