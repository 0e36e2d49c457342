package org.brokersso.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every configuration key the code reads is registered in microprofile-config.properties (with its
 * default, or commented out when it has none) and documented in the README's configuration table,
 * and neither lists a key the code no longer reads.
 */
class ConfigurationDocumentedTest {

  private static final Pattern KEY_IN_CODE =
      Pattern.compile(
          "\"((?:db|sso|ctrader|user|screen|account|mail|inapp|funding|kyc|ribbon|operator|jobs)\\.[a-z0-9.-]+)\"");
  private static final Pattern KEY_IN_PROPERTIES =
      Pattern.compile(
          "^#?\\s*((?:db|sso|ctrader|user|screen|account|mail|inapp|funding|kyc|ribbon|operator|jobs)\\.[a-z0-9.-]+)=",
          Pattern.MULTILINE);
  private static final Pattern KEY_IN_README =
      Pattern.compile(
          "^\\|\\s*`((?:db|sso|ctrader|user|screen|account|mail|inapp|funding|kyc|ribbon|operator|jobs)\\.[a-z0-9.-]+)`",
          Pattern.MULTILINE);

  @Test
  void codePropertiesAndReadmeListTheSameKeys() throws IOException {
    Set<String> inCode = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        inCode.addAll(keys(KEY_IN_CODE, Files.readString(source)));
      }
    }
    String properties =
        Files.readString(Path.of("src/main/resources/META-INF/microprofile-config.properties"));
    Set<String> registered = keys(KEY_IN_PROPERTIES, properties);
    // keys only referenced from other keys' values (property expressions) count as read
    inCode.addAll(
        keys(
            Pattern.compile(
                "\\$\\{((?:db|sso|ctrader|user|screen|account|mail|inapp|funding|kyc|ribbon|operator|jobs)\\.[a-z0-9.-]+)}"),
            properties));
    Set<String> documented = keys(KEY_IN_README, Files.readString(Path.of("README.md")));

    assertEquals(
        inCode, registered, "keys read by the code vs. keys in microprofile-config.properties");
    assertEquals(inCode, documented, "keys read by the code vs. the README's configuration table");
  }

  private static Set<String> keys(Pattern pattern, String text) {
    Set<String> keys = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return keys;
  }
}
