package org.brokersso;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments every test start of the product on Payara Micro passes after {@code java} and its
 * JVM options, as the README, the Docker image and {@code mvn -Prun} start it: the server settings
 * before boot, the HTTP port opened only once the WAR is deployed (so that nothing answers while it
 * deploys), the WAR at the root context, no Hazelcast cluster.
 */
public final class PayaraMicroStart {

  /** No /metrics, no X-Frame-Options or Server header of Payara's own, the port closed at boot. */
  public static final String PRE_BOOT_COMMANDS = "server-config/payara/pre-boot-commands.asadmin";

  /** Opens the port once the WAR is deployed. */
  public static final String POST_DEPLOY_COMMANDS =
      "server-config/payara/post-deploy-commands.asadmin";

  private PayaraMicroStart() {}

  /** {@code -jar payara-micro.jar ...} for the WAR on the port, not clustered. */
  public static List<String> arguments(Path war, int port) {
    List<String> arguments = new ArrayList<>(clustered(war, port));
    arguments.add("--nocluster");
    return arguments;
  }

  /** The same, without {@code --nocluster}: the caller adds its cluster options. */
  public static List<String> clustered(Path war, int port) {
    return new ArrayList<>(
        List.of(
            "-jar",
            "target/payara-micro.jar",
            "--prebootcommandfile",
            PRE_BOOT_COMMANDS,
            "--postdeploycommandfile",
            POST_DEPLOY_COMMANDS,
            "--deploy",
            war.toString(),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port)));
  }
}
