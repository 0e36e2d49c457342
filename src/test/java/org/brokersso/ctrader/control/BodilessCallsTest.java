package org.brokersso.ctrader.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Calls 3.12 and 3.13 carry everything in the query. They go out with an empty body, so nothing but
 * {@code Content-Length: 0} is on the wire, and the client logs no warning per call (Jersey warned
 * "Entity must not be null for http method PUT" at every signup).
 */
class BodilessCallsTest {

  private HttpServer server;
  private final List<String> bodies = new ArrayList<>();
  private final List<LogRecord> warnings = new ArrayList<>();
  private final Logger jersey = Logger.getLogger("org.glassfish.jersey");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean token = exchange.getRequestURI().getPath().endsWith("/managers/token");
          if (!token) {
            bodies.add(
                exchange.getRequestMethod()
                    + " "
                    + exchange.getRequestURI().getPath()
                    + " ["
                    + body
                    + "]");
          }
          byte[] answer =
              token ? "{\"webservToken\":\"t\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(token ? 200 : 204, token ? answer.length : -1);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    jersey.addHandler(capture);
  }

  @AfterEach
  void stop() {
    jersey.removeHandler(capture);
    server.stop(0);
  }

  @Test
  @DisplayName("3.13 (PUT) and 3.12 (POST) send an empty body and log no warning")
  void noBodyNoWarning() {
    RestCtraderBackend backend = backend();

    backend.acceptAgreement(20481377L);
    backend.logOut(20481377L);

    assertEquals(
        List.of("PUT /cid/oauth2/ctid/acceptAgreement []", "POST /cid/oauth2/ctid/logout []"),
        bodies);
    assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
  }

  private RestCtraderBackend backend() {
    Map<String, String> config = defaults();
    config.put("ctrader.url", "http://127.0.0.1:" + server.getAddress().getPort());
    config.put("ctrader.manager.login", "30417");
    config.put("ctrader.manager.password", "ManagerPass#1");
    config.put("ctrader.broker-crm-name", "ACMECRM");
    config.put("ctrader.broker-name", "ACMEFX");
    return new RestCtraderBackend(
        WebservSettings.from(key -> Optional.ofNullable(config.get(key))));
  }

  /** The registered defaults, read from the file the server reads them from. */
  private static Map<String, String> defaults() {
    Properties properties = new Properties();
    try (InputStream in =
        Files.newInputStream(
            Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> config = new HashMap<>();
    properties.stringPropertyNames().forEach(key -> config.put(key, properties.getProperty(key)));
    return config;
  }
}
