package org.jointactivities.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP over a plain socket, for what ordinary clients will not send: a request whose body is
 * announced but never sent in full, or sent in chunks. The answer is read as far as the server
 * sends it by itself; a server still waiting for the body does not answer, and the read times out.
 */
public final class RawHttp {

  private final int port;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public RawHttp(int port) {
    this.port = port;
  }

  public RawHttp header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public RawHttp basicAuth(String user, String password) {
    return header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** Sends the head and then {@code body} as it is (announce its size or chunk it with headers). */
  public Answer send(String method, String path, byte[] body) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /** {@code size} bytes of JSON-ish filler in chunks of 64 KB, with the closing chunk. */
  public static byte[] chunked(int size) {
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    for (int left = size; left > 0; left -= 65536) {
      byte[] chunk = new byte[Math.min(left, 65536)];
      Arrays.fill(chunk, (byte) ' ');
      chunks.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      chunks.writeBytes(chunk);
      chunks.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return chunks.toByteArray();
  }

  /** The status, and the body if the server sent one with a length or as a first chunk. */
  public record Answer(int status, String body) {}

  private static Answer read(InputStream in) throws IOException {
    String status = line(in);
    Map<String, String> answerHeaders = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      answerHeaders.put(header.substring(0, colon).trim().toLowerCase(), header.substring(colon + 1).trim());
    }
    int length = answerHeaders.containsKey("content-length") ? Integer.parseInt(answerHeaders.get("content-length"))
        : "chunked".equalsIgnoreCase(answerHeaders.get("transfer-encoding")) ? Integer.parseInt(line(in), 16) : 0;
    return new Answer(Integer.parseInt(status.split(" ")[1]), new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("The server closed the connection");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
