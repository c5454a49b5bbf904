package org.jointactivities.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID provider: Keycloak's distribution (unpacked by the build into target/keycloak)
 * on free loopback ports, in its development mode with an in-memory database, holding the realm
 * {@code agencies} of sso/agencies-realm.json: the client Joint Activities signs in with, another
 * application of the agencies, and the agencies' directory (a running {@link OpenLdapServer})
 * federated, so that people sign in with their directory passwords and the token lists their
 * directory groups. Keycloak needs Java 21 or newer: {@code JA_KEYCLOAK_JAVA_HOME}, or the newest
 * JDK under /usr/lib/jvm.
 */
public final class KeycloakServer implements AutoCloseable {

  public static final String REALM = "agencies";
  public static final String CLIENT = "joint-activities";
  public static final String OTHER_CLIENT = "another-application";
  private static final Duration START = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process keycloak;
  private final Path log;
  private final int port;
  private final String clientSecret;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private KeycloakServer(Process keycloak, Path log, int port, String clientSecret) {
    this.keycloak = keycloak;
    this.log = log;
    this.port = port;
    this.clientSecret = clientSecret;
  }

  /** Keycloak with the agencies' realm, people from {@code directory} (suffix, service account uid=joint-activities, password demo). */
  public static KeycloakServer start(OpenLdapServer directory, String suffix) {
    try {
      Path home = distribution();
      int port = freePort();
      String adminPassword = UUID.randomUUID().toString();
      String clientSecret = UUID.randomUUID().toString();
      Path log = Files.createTempFile("ja-keycloak-", ".log");
      ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--db=dev-mem",
          "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort(),
          "--hostname-strict=false", "--cache=local")
          .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(Map.of(
          "JAVA_HOME", javaHome().toString(),
          "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
          "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
          "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword));
      KeycloakServer server = new KeycloakServer(builder.start(), log, port, clientSecret);
      server.awaitStart();
      server.importRealm(adminPassword, Map.of(
          "CLIENT_SECRET", clientSecret,
          "LDAP_URL", directory.url(),
          "LDAP_BIND_DN", "uid=joint-activities,ou=services," + suffix,
          "LDAP_BIND_PASSWORD", "demo",
          "LDAP_USERS_DN", "ou=people," + suffix,
          "LDAP_GROUPS_DN", "ou=groups," + suffix));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The provider's base address, as the browser and the application reach it. */
  public String url() {
    return "http://localhost:" + port;
  }

  public String issuer() {
    return url() + "/realms/" + REALM;
  }

  public String clientSecret() {
    return clientSecret;
  }

  /** The application in the {@code sso} profile, signing in here (config/application-sso.yml). */
  public void addTo(DynamicPropertyRegistry properties) {
    properties.add("JA_SSO_ISSUER_URI", this::issuer);
    properties.add("JA_SSO_CLIENT_SECRET", this::clientSecret);
  }

  /** An access token for a directory user as a client of this provider gets one (the password grant). */
  public String accessToken(String client, String username, String password) {
    Map<String, String> form = Map.of("grant_type", "password", "client_id", client, "client_secret", clientSecret,
        "username", username, "password", password, "scope", "openid");
    JsonNode answer = post(issuer() + "/protocol/openid-connect/token", form);
    if (!answer.hasNonNull("access_token")) {
      throw new IllegalStateException("Keycloak gave " + username + " no token: " + answer);
    }
    return answer.get("access_token").asText();
  }

  @Override
  public void close() {
    keycloak.descendants().forEach(ProcessHandle::destroy);
    keycloak.destroy();
    try {
      keycloak.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitStart() throws IOException {
    Instant deadline = Instant.now().plus(START);
    HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/realms/master/.well-known/openid-configuration"))
        .timeout(Duration.ofSeconds(5)).build();
    while (true) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!keycloak.isAlive() || Instant.now().isAfter(deadline)) {
        close();
        throw new IllegalStateException("Keycloak did not start within " + START + ": " + tail());
      }
      sleep();
    }
  }

  private void importRealm(String adminPassword, Map<String, String> values) throws IOException {
    String realm;
    try (InputStream template = KeycloakServer.class.getResourceAsStream("/sso/agencies-realm.json")) {
      realm = new String(template.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      realm = realm.replace("${" + value.getKey() + "}", value.getValue());
    }
    String admin = post(url() + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
        "client_id", "admin-cli", "username", "admin", "password", adminPassword))
        .get("access_token").asText();
    HttpRequest create = HttpRequest.newBuilder(URI.create(url() + "/admin/realms"))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(realm)).build();
    HttpResponse<String> created = send(create);
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Keycloak refused the realm: " + created.statusCode() + " " + created.body());
    }
  }

  private JsonNode post(String address, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    try {
      return JSON.readTree(send(request.build()).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** target/keycloak/keycloak-<version>, unpacked by the build (pom.xml, openid-provider-for-tests). */
  private static Path distribution() throws IOException {
    Path unpacked = Path.of("target", "keycloak").toAbsolutePath();
    try (Stream<Path> found = Files.exists(unpacked) ? Files.list(unpacked) : Stream.empty()) {
      return found.filter(home -> Files.isExecutable(home.resolve("bin/kc.sh"))).findFirst()
          .orElseThrow(() -> new IllegalStateException("Keycloak's distribution is not in " + unpacked.toAbsolutePath()
              + ": the build unpacks it (mvn process-test-resources)"));
    }
  }

  /** A Java runtime of 21 or newer for Keycloak: JA_KEYCLOAK_JAVA_HOME, or the newest JDK under /usr/lib/jvm. */
  private static Path javaHome() throws IOException {
    String configured = System.getenv("JA_KEYCLOAK_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path jvms = Path.of("/usr/lib/jvm");
    try (Stream<Path> installed = Files.exists(jvms) ? Files.list(jvms) : Stream.empty()) {
      return installed.filter(home -> Files.isExecutable(home.resolve("bin/java")) && featureOf(home) >= 21)
          .max(Comparator.comparingInt(KeycloakServer::featureOf))
          .orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21 or newer: set JA_KEYCLOAK_JAVA_HOME"
              + " or install a JDK under /usr/lib/jvm (e.g. Debian's openjdk-21-jdk-headless)"));
    }
  }

  /** The Java feature release of a JDK, from its release file (0 when unknown). */
  private static int featureOf(Path home) {
    try {
      return Files.readAllLines(home.resolve("release")).stream()
          .filter(line -> line.startsWith("JAVA_VERSION="))
          .map(line -> line.replaceAll("JAVA_VERSION=\"?(\\d+).*", "$1"))
          .mapToInt(Integer::parseInt).findFirst().orElse(0);
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
