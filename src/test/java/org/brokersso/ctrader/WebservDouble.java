package org.brokersso.ctrader;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.brokersso.ctrader.control.RestCtraderBackend;
import org.brokersso.ctrader.control.WebservSettings;

/**
 * The HTTP test double of cTrader's backend: WireMock on a real port, answering the manager-token
 * call 3.1 for the spec's sample manager (30417, password {@code ManagerPass#1}), plus the {@link
 * RestCtraderBackend} configured against it with the registered defaults.
 */
public final class WebservDouble {

  public static final long MANAGER_LOGIN = 30417;
  public static final String MANAGER_PASSWORD = "ManagerPass#1";
  public static final String MANAGER_PASSWORD_MD5 = "4964e691fb934fe9174a9b9397b53c66";
  public static final String TOKEN = "2824e7b5-97a1-4f1b-b7b7-89cd33020f5e";
  public static final String CRM = "ACMECRM";
  public static final String BROKER = "ACMEFX";

  public final WireMockServer server = new WireMockServer(options().dynamicPort());

  public WebservDouble start() {
    server.start();
    server.stubFor(
        post(urlPathEqualTo("/v2/webserv/managers/token"))
            .withRequestBody(
                equalToJson(
                    "{\"login\":30417,\"hashedPassword\":\"" + MANAGER_PASSWORD_MD5 + "\"}"))
            .willReturn(okJson("{\"webservToken\":\"" + TOKEN + "\"}")));
    return this;
  }

  public void stop() {
    server.stop();
  }

  public RestCtraderBackend backend(Map<String, String> overrides) {
    Map<String, String> config = defaults();
    config.put("ctrader.url", "http://localhost:" + server.port());
    config.put("ctrader.manager.login", Long.toString(MANAGER_LOGIN));
    config.put("ctrader.manager.password", MANAGER_PASSWORD);
    config.put("ctrader.broker-crm-name", CRM);
    config.put("ctrader.broker-name", BROKER);
    config.put("ctrader.timeout", "PT2S");
    config.put("ctrader.rate-limit.backoff", "PT0.05S");
    config.putAll(overrides);
    return new RestCtraderBackend(
        WebservSettings.from(key -> Optional.ofNullable(config.get(key))));
  }

  public RestCtraderBackend backend() {
    return backend(Map.of());
  }

  /** cTrader's error body with HTTP 400 (spec §5.1). */
  public static ResponseDefinitionBuilder error(String code) {
    return aResponse()
        .withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"error\":{\"errorCode\":\""
                + code
                + "\",\"description\":\""
                + code.toLowerCase()
                + "\"}}");
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
