package org.brokersso.screen.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The screens' stylesheet and icon ({@code WEB-INF/assets}), read once, with their gzip form and a
 * version taken from their content: {@code #{assets.url('/screens.css')}} is an address that
 * changes whenever the file does, so {@link ScreenAssets} may let browsers keep it for a year.
 */
@Named("assets")
@ApplicationScoped
public class ScreenAssetFiles {

  /** A file as served: its type, its bytes plain and gzipped, and its content version. */
  public record Asset(String type, byte[] plain, byte[] gzipped, String version) {}

  private static final Map<String, String> TYPES =
      Map.of("/screens.css", "text/css;charset=UTF-8", "/favicon.svg", "image/svg+xml");

  @Inject ServletContext servlets;

  private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

  /** The listed file {@code name} ("/screens.css"); empty for any other name. */
  public Optional<Asset> file(String name) {
    return name == null || !TYPES.containsKey(name)
        ? Optional.empty()
        : Optional.of(loaded.computeIfAbsent(name, this::load));
  }

  /** The versioned address of {@code name} for the views. */
  public String url(String name) {
    return servlets.getContextPath()
        + "/assets"
        + name
        + "?v="
        + file(name).orElseThrow(() -> new IllegalArgumentException(name)).version();
  }

  private Asset load(String name) {
    try (InputStream in = servlets.getResourceAsStream("/WEB-INF/assets" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing asset " + name);
      }
      byte[] plain = in.readAllBytes();
      ByteArrayOutputStream packed = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
        gzip.write(plain);
      }
      String version =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plain), 0, 6);
      return new Asset(TYPES.get(name), plain, packed.toByteArray(), version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
