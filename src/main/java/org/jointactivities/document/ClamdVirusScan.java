package org.jointactivities.document;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * ClamAV's daemon over TCP, with its INSTREAM command: the file goes in chunks, never whole in
 * memory, and clamd answers {@code stream: OK} or {@code stream: <signature> FOUND}. Written here
 * (some 50 lines) rather than taken from a library: the one Java client on Maven Central has had
 * no release since 2022 and brings the Kotlin runtime along.
 */
class ClamdVirusScan implements VirusScan {

  private static final int CHUNK = 64 * 1024;

  private final String host;
  private final int port;
  private final Duration timeout;

  ClamdVirusScan(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
  }

  @Override
  public Optional<String> findIn(InputStream content) throws IOException {
    String reply;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
      byte[] buffer = new byte[CHUNK];
      for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
        if (read > 0) {
          out.writeInt(read);
          out.write(buffer, 0, read);
        }
      }
      out.writeInt(0);
      out.flush();
      reply = readReply(socket.getInputStream());
    }
    if (reply.endsWith(" FOUND")) {
      return Optional.of(reply.substring(reply.indexOf(':') + 1, reply.length() - " FOUND".length()).strip());
    }
    if (!reply.endsWith(" OK")) {
      // e.g. "INSTREAM size limit exceeded. ERROR": clamd's StreamMaxLength is below our size limit
      throw new IOException("The virus scanner (clamd at " + host + ":" + port + ") answered: " + reply);
    }
    return Optional.empty();
  }

  private static String readReply(InputStream in) throws IOException {
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    for (int b = in.read(); b > 0 && reply.size() < 4096; b = in.read()) {
      reply.write(b);
    }
    return reply.toString(StandardCharsets.US_ASCII).strip();
  }

  @Override
  public String toString() {
    return "clamd at " + host + ":" + port;
  }
}
