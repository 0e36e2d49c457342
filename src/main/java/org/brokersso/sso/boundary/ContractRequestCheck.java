package org.brokersso.sso.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.brokersso.sso.entity.ContractError;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses, with 400 {@code INVALID_REQUEST} and the contract's error body, what would otherwise
 * fail inside the JAX-RS runtime before any mapper runs: a {@code Content-Type} header that is
 * repeated, empty or unparseable (Jersey answered the server's HTML 400 page), a charset the JVM
 * does not know (a 500 while the body was decoded), and a body larger than any call needs. The body
 * is read here, once and bounded, and handed on; so a flood of large bodies costs at most {@value
 * #MAX_BODY} bytes each. Only calls 4.1–4.5 ({@link ContractPaths}); docs/contract-choices.md.
 */
public class ContractRequestCheck extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The largest body accepted; the contract's bodies are one short field. */
  static final int MAX_BODY = 16 * 1024;

  private transient ContractPaths paths;

  @Override
  public void init() {
    paths =
        ContractPaths.from(ConfigProvider.getConfig(ContractRequestCheck.class.getClassLoader()));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!paths.includes(request)) {
      chain.doFilter(request, response);
      return;
    }
    String problem = contentTypeProblem(Collections.list(request.getHeaders("Content-Type")));
    if (problem == null && request.getContentLengthLong() > MAX_BODY) {
      problem = "The body is larger than " + MAX_BODY + " bytes";
    }
    byte[] body = null;
    if (problem == null) {
      body = request.getInputStream().readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        problem = "The body is larger than " + MAX_BODY + " bytes";
      }
    }
    if (problem != null) {
      ContractError error = ContractError.INVALID_REQUEST;
      ErrorBody.write(response, error.status(), problem, error.code());
      return;
    }
    chain.doFilter(new ReadBody(request, body), response);
  }

  /** Null when the header is absent or usable; the refusal's message otherwise. */
  static String contentTypeProblem(List<String> headers) {
    if (headers.isEmpty()) {
      return null; // no Content-Type: the body is read as JSON anyway (contract-choices row 10)
    }
    if (headers.size() > 1) {
      return "The Content-Type header is repeated";
    }
    String header = headers.get(0);
    MediaType type;
    try {
      type = header.isBlank() ? null : MediaType.valueOf(header);
    } catch (RuntimeException malformed) {
      type = null;
    }
    if (type == null) {
      return "The Content-Type header is malformed";
    }
    for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
      if (parameter.getKey().equalsIgnoreCase("charset") && !isSupported(parameter.getValue())) {
        return "The charset of the Content-Type header is not supported";
      }
    }
    return null;
  }

  private static boolean isSupported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalArgumentException illegalName) {
      return false;
    }
  }

  /**
   * The request with its body already read, and without {@code Accept}: the contract's answers are
   * JSON whatever the caller accepts (docs/contract-choices.md), and an unparseable {@code Accept}
   * made Jersey answer its own HTML 400 before any mapper ran.
   */
  private static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body was already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public String getHeader(String name) {
      return isAccept(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isAccept(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = Collections.list(super.getHeaderNames());
      names.removeIf(ReadBody::isAccept);
      return Collections.enumeration(names);
    }

    private static boolean isAccept(String name) {
      return "Accept".equalsIgnoreCase(name);
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
