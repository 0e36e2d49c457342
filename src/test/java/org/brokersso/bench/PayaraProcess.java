package org.brokersso.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.brokersso.PayaraMicroStart;

/** The built WAR on Payara Micro in a process of its own, configured for one benchmark database. */
final class PayaraProcess implements AutoCloseable {

  /**
   * Set by the bench profile from the pom's payara.version, so the report names what actually ran.
   */
  static final String VERSION = System.getProperty("payara.version", "unknown");

  private final Process process;

  private PayaraProcess(Process process) {
    this.process = process;
  }

  static PayaraProcess start(BenchDatabase database, int port, Path log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java"));
    if (database.envUrl() == null) {
      command.add(
          "-Ddb.embedded.dir="
              + Path.of(
                  database
                      .url()
                      .substring(
                          "jdbc:h2:file:".length(), database.url().indexOf("/broker-sso;"))));
    }
    command.addAll(PayaraMicroStart.arguments(Path.of("target", "broker-sso.war"), port));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (database.envUrl() != null) {
      builder.environment().put("DB_URL", database.envUrl());
      builder.environment().put("DB_USER", database.user());
      builder.environment().put("DB_PASSWORD", database.password());
    }
    PayaraProcess server = new PayaraProcess(builder.start());
    long deadline = System.nanoTime() + 240_000_000_000L;
    while (!TokenApiBenchmark.ready(port)) {
      if (!server.process.isAlive() || System.nanoTime() > deadline) {
        server.close();
        throw new IllegalStateException("Payara Micro did not become ready; see " + log);
      }
      Thread.sleep(500);
    }
    return server;
  }

  void startProfiling() throws IOException, InterruptedException {
    jcmd("JFR.start", "name=bench", "settings=default");
  }

  Path stopProfiling(Path file) throws IOException, InterruptedException {
    jcmd("JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
    return file;
  }

  /**
   * Thread dumps during a run, a few seconds apart, for when the profile shows waiting, not work.
   */
  Thread dumpThreadsDuring(java.time.Duration run, Path folder) {
    Thread dumper =
        new Thread(
            () -> {
              try {
                for (int i = 1; i <= 3; i++) {
                  Thread.sleep(run.toMillis() / 4);
                  Process jcmd =
                      new ProcessBuilder("jcmd", Long.toString(process.pid()), "Thread.print")
                          .redirectErrorStream(true)
                          .start();
                  java.nio.file.Files.write(
                      folder.resolve("threads-" + i + ".txt"),
                      jcmd.getInputStream().readAllBytes());
                  jcmd.waitFor();
                }
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    dumper.start();
    return dumper;
  }

  private void jcmd(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("jcmd", Long.toString(process.pid())));
    command.addAll(List.of(args));
    Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes());
    if (jcmd.waitFor() != 0) {
      throw new IllegalStateException("jcmd failed: " + output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
