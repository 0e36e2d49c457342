package org.brokersso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PreBootCommandsTest {

  private static final String CLOSED_PORT =
      "set configs.config.server-config.network-config.network-listeners.network-listener"
          + ".http-listener.enabled=";

  @Test
  @DisplayName(
      "the in-container tests' Payara gets every pre-boot setting of the product but the closed"
          + " port, which the post-deploy file opens")
  void inContainerTestsStartWithTheProductsSettings() throws IOException {
    List<String> product = commands(Path.of(PayaraMicroStart.PRE_BOOT_COMMANDS));
    List<String> closedPort = product.stream().filter(c -> c.startsWith(CLOSED_PORT)).toList();
    assertEquals(List.of(CLOSED_PORT + "false"), closedPort);
    assertEquals(
        product.stream().filter(c -> !c.startsWith(CLOSED_PORT)).toList(),
        commands(Path.of("src/test/resources/arquillian-pre-boot.asadmin")));
    assertTrue(
        commands(Path.of(PayaraMicroStart.POST_DEPLOY_COMMANDS)).contains(CLOSED_PORT + "true"));
  }

  private static List<String> commands(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }
}
