package dev.cuegate.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for tests that must see what a library client hides: whether a
 * request was answered, reset or never sent, and when the server closed the connection.
 */
public final class RawHttp {
  private RawHttp() {}

  /** An answer: status, headers (lower-case names) and body. */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public boolean closesConnection() {
      return "close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A JSON {@code POST} with a bearer token, keeping the connection alive. */
  public static byte[] post(String path, String token, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: cuegate\r\n"
        + "Authorization: Bearer " + token + "\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    request.writeBytes(body);
    return request.toByteArray();
  }

  /** Writes {@code request} on {@code socket}. */
  public static void send(Socket socket, byte[] request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request);
    out.flush();
  }

  /** Reads one whole answer; throws when the connection ends before it is complete. */
  public static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      throw new EOFException("the connection closed before an answer");
    }
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).trim());
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream chunks = new ByteArrayOutputStream();
      for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
        chunks.writeBytes(exactly(in, size));
        line(in);
      }
      line(in);
      body = chunks.toByteArray();
    } else {
      body = exactly(in, Integer.parseInt(headers.getOrDefault("content-length", "0")));
    }
    return new Response(status, headers, body);
  }

  private static int chunkSize(InputStream in) throws IOException {
    String size = line(in);
    if (size == null) {
      throw new EOFException("the connection closed inside a chunked answer");
    }
    return Integer.parseInt(size.split(";", 2)[0].trim(), 16);
  }

  private static byte[] exactly(InputStream in, int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length < n) {
      throw new EOFException("the connection closed inside an answer's body");
    }
    return bytes;
  }

  /** One CRLF-terminated line, or null at the end of the stream before any byte. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1
            : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    if (line.size() == 0) {
      return null;
    }
    throw new EOFException("the connection closed inside a line");
  }
}
