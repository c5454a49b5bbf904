package org.jointactivities.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real ClamAV daemon (Debian's {@code clamd}) on a free loopback port. No signature download is
 * possible here: its database is one local signature, the EICAR test file's (by MD5 and size), which
 * is what every scanner is tested with. Stopped and started again, as a scanner that goes away.
 */
public final class ClamdServer implements AutoCloseable {

  private static final Path CLAMD = Path.of("/usr/sbin/clamd");
  /** EICAR's MD5 and length, under the name ClamAV's own signatures give it. */
  private static final String EICAR_SIGNATURE = "44d88612fea8a8f36de82e1278abb02f:68:Eicar-Test-Signature\n";

  private final Path folder;
  private final int port;
  private Process clamd;

  private ClamdServer(Path folder, int port) {
    this.folder = folder;
    this.port = port;
  }

  public static ClamdServer start() {
    try {
      DebianPackages.install("clamav-daemon", CLAMD);
      Path folder = Files.createTempDirectory("ja-clamd-");
      Files.createDirectories(folder.resolve("db"));
      Files.writeString(folder.resolve("db/eicar.hdb"), EICAR_SIGNATURE);
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      Files.writeString(folder.resolve("clamd.conf"), String.join("\n",
          "Foreground yes",
          "DatabaseDirectory " + folder.resolve("db"),
          "TCPAddr 127.0.0.1",
          "TCPSocket " + port,
          // above the documents' 25 MB limit: a file the application takes is scanned whole
          "StreamMaxLength 30M",
          "LogFile " + folder.resolve("clamd.log"),
          "PidFile " + folder.resolve("clamd.pid"),
          ""));
      ClamdServer server = new ClamdServer(folder, port);
      server.startAgain();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The application's scanner settings for this daemon. */
  public void addTo(DynamicPropertyRegistry properties) {
    properties.add("joint-activities.documents.clamd.host", () -> "127.0.0.1");
    properties.add("joint-activities.documents.clamd.port", () -> port);
  }

  public void startAgain() {
    clamd = ServerProcess.start(List.of(CLAMD.toString(), "-c", folder.resolve("clamd.conf").toString()), folder,
        folder.resolve("clamd.out"), this::answersPing, Duration.ofSeconds(60), "clamd");
  }

  /** Stops the daemon; uploads meet a scanner that cannot answer until {@link #startAgain()}. */
  public void stop() {
    ServerProcess.stop(clamd);
    clamd = null;
  }

  @Override
  public void close() {
    stop();
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      OutputStream out = socket.getOutputStream();
      out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
    } catch (IOException notYet) {
      return false;
    }
  }
}
