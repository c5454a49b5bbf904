package org.jointactivities.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real HAProxy (Debian's package, installed when missing) with the repository's
 * config/cluster/haproxy.cfg, in front of two application nodes on a free loopback port.
 */
public final class LoadBalancer implements AutoCloseable {

  private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  private final Process haproxy;
  private final int port;

  private LoadBalancer(Process haproxy, int port) {
    this.haproxy = haproxy;
    this.port = port;
  }

  /** HAProxy before these two nodes (base URLs such as http://localhost:8081), logging to {@code log}. */
  public static LoadBalancer start(String node1, String node2, Path log) {
    try {
      DebianPackages.install("haproxy", HAPROXY);
      int port = freePort();
      ProcessBuilder builder = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", Path.of("config", "cluster", "haproxy.cfg")
          .toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("JA_LB_BIND", "127.0.0.1:" + port);
      builder.environment().put("JA_NODE1", hostAndPort(node1));
      builder.environment().put("JA_NODE2", hostAndPort(node2));
      LoadBalancer balancer = new LoadBalancer(builder.start(), port);
      balancer.awaitListening(log);
      return balancer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    haproxy.destroy();
    haproxy.waitFor();
  }

  private void awaitListening(Path log) throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        if (!haproxy.isAlive() || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("HAProxy did not start: " + Files.readString(log));
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String hostAndPort(String baseUrl) {
    return baseUrl.replaceFirst("^https?://", "").replace("localhost", "127.0.0.1");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
