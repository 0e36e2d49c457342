package org.brokersso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Clustered Payara Micro instances of the black-box WAR on one database, as docs/operations.md runs
 * N instances: Hazelcast with a TCP/IP member list on 127.0.0.1 and a cluster name of their own (so
 * they never join another Payara on the machine, whose servers run with {@code --nocluster}), no
 * host-aware partitioning (all members share one address, and with it on, no member would keep a
 * backup of another's sessions), one {@code screen.form-token.key}, and the other settings of
 * {@link BlackBoxServer}. The instances start at once; each log is {@code
 * target/cluster-<name>.log}.
 */
public final class PayaraCluster implements AutoCloseable {

  /**
   * How long the instances may take to start together ({@code it.cluster.startup}): under a minute
   * on a quiet machine; two Payara starts at once on a busy 2-core one have taken over eight.
   */
  private static final Duration STARTUP =
      Duration.parse(System.getProperty("it.cluster.startup", "PT15M"));

  /** One instance: its name, HTTP base URL and process. */
  public record Instance(String name, URI base, Process process, Path log) {}

  private final List<Instance> instances = new ArrayList<>();

  /**
   * Starts {@code names.size()} instances on the database {@code dbUrl} (null: {@code DB_URL} of
   * the environment), with {@code extraSettings} as further {@code -D} options; returns once every
   * one answers {@code /health/ready} with 200.
   */
  public PayaraCluster(List<String> names, String dbUrl, List<String> extraSettings) {
    Path war = Deployments.exportBlackBox();
    List<Integer> hazelcastPorts = names.stream().map(n -> BlackBoxServer.freePort()).toList();
    String members =
        hazelcastPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    String clusterName = "brokersso-it-" + ProcessHandle.current().pid();
    long started = System.nanoTime();
    for (int i = 0; i < names.size(); i++) {
      int port = BlackBoxServer.freePort();
      Path log = Path.of("target", "cluster-" + names.get(i) + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(BlackBoxServer.settings());
      command.addAll(extraSettings);
      if (dbUrl != null) {
        command.add("-Ddb.url=" + dbUrl);
        command.add("-Ddb.user=sa");
        command.add("-Ddb.password=sa");
      }
      command.addAll(PayaraMicroStart.clustered(war, port));
      command.addAll(
          List.of(
              "--name",
              names.get(i),
              "--clustername",
              clusterName,
              "--clustermode",
              "tcpip:" + members,
              "--startport",
              Integer.toString(hazelcastPorts.get(i)),
              "--interfaces",
              "127.0.0.1",
              "--nohostaware"));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      if (dbUrl != null) {
        builder.environment().remove("DB_URL");
      }
      try {
        instances.add(
            new Instance(
                names.get(i), URI.create("http://localhost:" + port + "/"), builder.start(), log));
      } catch (IOException e) {
        close();
        throw new UncheckedIOException("cannot start Payara Micro", e);
      }
    }
    try {
      instances.forEach(instance -> awaitReady(instance, started));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    System.out.printf(
        "Cluster of %d Payara Micro instances (%s) ready in %d s%n",
        instances.size(),
        instances.stream().map(i -> i.name() + " " + i.base()).collect(Collectors.joining(", ")),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
  }

  public List<Instance> instances() {
    return instances;
  }

  public Instance named(String name) {
    return instances.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
  }

  /** Kills the instance at once (SIGKILL): no shutdown, as a crashed machine would go. */
  public void kill(String name) {
    Process process = named(name).process();
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitReady(Instance instance, long started) {
    URI readiness = instance.base().resolve("health/ready");
    if (!BlackBoxServer.readyInTime(readiness, instance.process(), started, STARTUP)) {
      throw new IllegalStateException(
          instance.name() + " did not become ready; see " + instance.log());
    }
  }

  /** Stops every instance still running (SIGTERM, then SIGKILL after 30 s). */
  @Override
  public void close() {
    instances.stream().map(Instance::process).filter(Process::isAlive).forEach(Process::destroy);
    for (Instance instance : instances) {
      try {
        if (!instance.process().waitFor(30, TimeUnit.SECONDS)) {
          kill(instance.name());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
