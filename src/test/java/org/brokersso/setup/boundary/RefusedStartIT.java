package org.brokersso.setup.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.brokersso.BlackBoxServer;
import org.brokersso.PayaraMicroStart;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A live start with settings that cannot work, on Payara Micro as the README, the docker image and
 * the systemd unit start it: the process must end with status 78, and its log must name every
 * problem at once, those found by the beans that read their own settings included (funding, mail).
 */
class RefusedStartIT {

  private static final Path LOG = Path.of("target", "refused-start.log");

  /** EX_CONFIG, as RefusedStart documents it. */
  private static final int EX_CONFIG = 78;

  @Test
  @DisplayName(
      "live mode without its keys and with a mail server that offers no STARTTLS: one message"
          + " lists every problem, and Payara Micro ends with status 78 instead of serving 404s")
  void aStartThatCannotServeEndsTheProcessAndListsEveryProblem() throws Exception {
    int smtpPort = BlackBoxServer.freePort();
    GreenMail plainRelay = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
    plainRelay.start();
    try {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-Dctrader.url=http://127.0.0.1:9");
      command.add("-Ddb.embedded.dir=./target/refused-start-data");
      // every live key left out but the mail host, whose server is greeted at start-up
      command.add("-Dmail.smtp.host=127.0.0.1");
      command.add("-Dmail.smtp.port=" + smtpPort);
      command.add("-Dmail.timeout=PT3S");
      command.addAll(
          PayaraMicroStart.arguments(
              Path.of("target", "broker-sso.war"), BlackBoxServer.freePort()));
      Process payara =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(LOG.toFile())
              .start();
      boolean ended = payara.waitFor(180, TimeUnit.SECONDS);
      if (!ended) {
        payara.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      String log = Files.readString(LOG, StandardCharsets.UTF_8);
      assertTrue(ended, "Payara Micro still runs after refusing the deployment; see " + LOG);
      assertEquals(EX_CONFIG, payara.exitValue(), "exit status; see " + LOG);
      for (String problem :
          List.of(
              "sso.crm-api.password is required",
              "ctrader.broker-crm-name is required",
              "ctrader.broker-name is required",
              "ctrader.manager.login is required",
              "ctrader.manager.password is required",
              "screen.public-url is required",
              "funding.provider is required",
              "does not offer STARTTLS")) {
        assertTrue(log.contains(problem), problem + ": not reported; see " + LOG);
      }
    } finally {
      plainRelay.stop();
    }
  }
}
