package org.jointactivities.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenLDAP server (Debian's {@code slapd}) on a free loopback port, loaded with an LDIF from
 * the test resources: the directory the agencies' people sign in with. Stopped and started again
 * on the same port and data, as a directory that goes away for a while.
 */
public final class OpenLdapServer implements AutoCloseable {

  private static final Path SLAPD = Path.of("/usr/sbin/slapd");
  private static final Path SLAPADD = Path.of("/usr/sbin/slapadd");

  private final Path folder;
  private final int port;
  private Process slapd;

  private OpenLdapServer(Path folder, int port) {
    this.folder = folder;
    this.port = port;
  }

  /** A server for {@code suffix} holding the entries of the LDIF resource. */
  public static OpenLdapServer start(String suffix, String ldifResource) {
    try {
      DebianPackages.install("slapd", SLAPADD);
      Path folder = Files.createTempDirectory("ja-slapd-");
      Files.createDirectories(folder.resolve("data"));
      Files.writeString(folder.resolve("slapd.conf"), configuration(folder, suffix));
      Path ldif = folder.resolve("entries.ldif");
      try (InputStream entries = OpenLdapServer.class.getResourceAsStream(ldifResource)) {
        if (entries == null) {
          throw new IllegalArgumentException("No test resource " + ldifResource);
        }
        Files.copy(entries, ldif);
      }
      run(folder, List.of(SLAPADD.toString(), "-q", "-f", "slapd.conf", "-l", ldif.toString()));
      OpenLdapServer server = new OpenLdapServer(folder, freePort());
      server.startAgain();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "ldap://127.0.0.1:" + port;
  }

  /**
   * The application's directory settings (config/application-ldap.yml) for this server, holding the
   * demo organisation under {@code suffix}: its service account uid=joint-activities, password demo.
   */
  public void addTo(DynamicPropertyRegistry properties, String suffix) {
    properties.add("joint-activities.directory.ldap.server-url", this::url);
    properties.add("joint-activities.directory.ldap.manager-dn", () -> "uid=joint-activities,ou=services," + suffix);
    properties.add("joint-activities.directory.ldap.manager-password", () -> "demo");
    properties.add("joint-activities.directory.ldap.base-dn", () -> suffix);
  }

  /** Starts the server again after {@link #stop()}, on the same port with the same entries. */
  public void startAgain() {
    slapd = ServerProcess.start(List.of(SLAPD.toString(), "-f", "slapd.conf", "-h", url() + "/", "-d", "0"), folder,
        folder.resolve("slapd.log"), this::answers, Duration.ofSeconds(20), "slapd");
  }

  /** Stops the server; the port refuses connections until {@link #startAgain()}. */
  public void stop() {
    ServerProcess.stop(slapd);
    slapd = null;
  }

  @Override
  public void close() {
    stop();
  }

  private boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** Schemas for people and groups, one database, passwords readable by nobody but used to bind. */
  private static String configuration(Path folder, String suffix) {
    return String.join("\n",
        "include /etc/ldap/schema/core.schema",
        "include /etc/ldap/schema/cosine.schema",
        "include /etc/ldap/schema/inetorgperson.schema",
        "modulepath /usr/lib/ldap",
        "moduleload back_mdb",
        "pidfile " + folder.resolve("slapd.pid"),
        "database mdb",
        "maxsize 67108864",
        "suffix \"" + suffix + "\"",
        "rootdn \"cn=root," + suffix + "\"",
        "rootpw " + UUID.randomUUID(),
        "directory " + folder.resolve("data"),
        "access to attrs=userPassword by anonymous auth by * none",
        "access to * by users read by * none",
        "");
  }

  private static void run(Path folder, List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
