package org.brokersso.screen.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Serves the screens' stylesheet and images from {@code WEB-INF/assets}. JAX-RS owns {@code /*},
 * which hides the server's own static file handling; a prefix mapping is more specific and wins.
 * Only the listed files exist here: no directory listing, no path games.
 */
@WebServlet("/assets/*")
public class ScreenAssets extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FILES =
      Map.of("/screens.css", "text/css;charset=UTF-8", "/logo.svg", "image/svg+xml");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String file = request.getPathInfo();
    String type = file == null ? null : FILES.get(file);
    InputStream content =
        type == null ? null : getServletContext().getResourceAsStream("/WEB-INF/assets" + file);
    if (content == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(type);
    response.setHeader("Cache-Control", "public, max-age=3600");
    try (content) {
      content.transferTo(response.getOutputStream());
    }
  }
}
