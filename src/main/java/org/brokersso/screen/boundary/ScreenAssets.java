package org.brokersso.screen.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.brokersso.screen.boundary.ScreenAssetFiles.Asset;

/**
 * Serves the screens' stylesheet and icon from {@code WEB-INF/assets} ({@link ScreenAssetFiles}),
 * and the icon at {@code /favicon.ico} too, where browsers look first. JAX-RS owns {@code /*},
 * which hides the server's own static file handling; these mappings are more specific and win. Only
 * the listed files exist here: no directory listing, no path games. gzip when the browser takes it;
 * a request for the current version ({@code ?v=}) may be kept for a year, since a changed file gets
 * a new address.
 */
@WebServlet({"/assets/*", "/favicon.ico"})
public class ScreenAssets extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject ScreenAssetFiles files;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String name =
        "/favicon.ico".equals(request.getServletPath()) ? "/favicon.svg" : request.getPathInfo();
    Optional<Asset> found = files.file(name);
    if (found.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Asset asset = found.get();
    boolean current = asset.version().equals(request.getParameter("v"));
    response.setContentType(asset.type());
    response.setHeader(
        "Cache-Control", current ? "public, max-age=31536000, immutable" : "public, max-age=3600");
    response.setHeader("Vary", "Accept-Encoding");
    byte[] body = asset.plain();
    if (acceptsGzip(request.getHeader("Accept-Encoding"))) {
      response.setHeader("Content-Encoding", "gzip");
      body = asset.gzipped();
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Whether the Accept-Encoding header names gzip (or *) without refusing it with q=0. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] parts = coding.trim().split(";");
      String name = parts[0].trim();
      boolean refused = parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0{0,3})?");
      if ((name.equals("gzip") || name.equals("*")) && !refused) {
        return true;
      }
    }
    return false;
  }
}
