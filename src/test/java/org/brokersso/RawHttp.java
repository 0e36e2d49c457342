package org.brokersso;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 written byte by byte on a plain socket, for requests that {@code java.net.http} refuses
 * to send (a repeated or empty {@code Content-Type}, a raw request target, any method): how the
 * tests send what a broken or hostile client would. One request per connection.
 */
public final class RawHttp {

  private final URI base;

  public RawHttp(URI base) {
    this.base = base;
  }

  /** A request: method, target (path and query, as sent), header lines, body (or null). */
  public record Request(String method, String target, List<String> headers, byte[] body) {

    /** The request as written on the wire, less the host and connection headers. */
    public String describe() {
      String shown =
          body == null
              ? ""
              : body.length > 120
                  ? new String(body, 0, 120, StandardCharsets.ISO_8859_1) + "…(" + body.length + ")"
                  : new String(body, StandardCharsets.ISO_8859_1);
      String target =
          this.target.length() > 120 ? this.target.substring(0, 120) + "…" : this.target;
      return method + " " + target + " " + headers + " " + shown;
    }
  }

  /** Status, header lines (lower-cased names) and body of one response. */
  public record Response(int status, List<String> headers, byte[] body) {

    public String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return headers.stream()
          .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(h -> h.substring(prefix.length()).strip())
          .findFirst()
          .orElse(null);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  public Response send(Request request) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      String prefix = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
      String target =
          request.target().startsWith("/")
              ? prefix + request.target().substring(1)
              : request.target();
      line(head, request.method() + " " + target + " HTTP/1.1");
      line(head, "Host: " + base.getHost() + ":" + base.getPort());
      line(head, "Connection: close");
      for (String header : request.headers()) {
        line(head, header);
      }
      boolean chunked =
          request.headers().stream()
              .anyMatch(h -> h.equalsIgnoreCase("Transfer-Encoding: chunked"));
      if (request.body() != null && !chunked) {
        line(head, "Content-Length: " + request.body().length);
      }
      line(head, "");
      // the whole request in one write: a server that refuses it after reading the head (Undertow
      // on a malformed query) then has nothing unread when it closes, so its answer is not lost
      // to a connection reset
      if (request.body() == null && chunked) {
        head.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      if (request.body() != null) {
        if (chunked) {
          head.writeBytes(
              (Integer.toHexString(request.body().length) + "\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          head.writeBytes(request.body());
          head.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
          head.writeBytes(request.body());
        }
      }
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toByteArray());
        out.flush();
      } catch (IOException closedWhileSending) {
        // a server may answer and close before it has read a large body (WildFly refusing a body
        // over its limit): its answer is then already here to be read
      }
      return read(socket.getInputStream(), request.method().equals("HEAD"));
    } catch (IOException e) {
      throw new UncheckedIOException("no answer to " + request.describe(), e);
    }
  }

  private static void line(ByteArrayOutputStream out, String line) {
    out.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Response read(InputStream in, boolean head) throws IOException {
    Response response = readOne(in, head);
    while (response.status() >= 100 && response.status() < 200) {
      response = readOne(in, head); // an interim answer (100 Continue): the real one follows
    }
    return response;
  }

  private static Response readOne(InputStream in, boolean head) throws IOException {
    String status = readLine(in);
    if (status == null || !status.startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    List<String> headers = new ArrayList<>();
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      headers.add(line);
    }
    Response partial = new Response(code, headers, new byte[0]);
    if (head || code < 200 || code == 204 || code == 304) {
      return partial;
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(partial.header("Transfer-Encoding"))) {
      ByteArrayOutputStream chunks = new ByteArrayOutputStream();
      for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
        chunks.write(in.readNBytes(size));
        readLine(in);
      }
      body = chunks.toByteArray();
    } else if (partial.header("Content-Length") != null) {
      body = in.readNBytes(Integer.parseInt(partial.header("Content-Length")));
    } else {
      body = in.readAllBytes();
    }
    return new Response(code, headers, body);
  }

  private static int chunkSize(InputStream in) throws IOException {
    String line = readLine(in);
    if (line == null || line.isBlank()) {
      return 0;
    }
    int end = line.indexOf(';');
    return Integer.parseInt((end < 0 ? line : line.substring(0, end)).strip(), 16);
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
