package org.jointactivities.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, started as an operator starts it (from the repository root,
 * with config/), so that a test can kill it with SIGKILL and start it again on the same database.
 * Its output goes to a log file, printed when it fails to come up.
 */
public final class ApplicationProcess implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofMinutes(3);

  private final Process process;
  private final int port;
  private final Path log;

  private ApplicationProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the application with these extra arguments (e.g. --joint-activities.data-dir=…) and waits until it is ready. */
  public static ApplicationProcess start(Path logFile, String... arguments) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("--joint-activities.mail-sink.port=0"));
    all.addAll(Arrays.asList(arguments));
    return start("org.jointactivities.JointActivitiesApplication", false, List.of(), logFile, all);
  }

  /**
   * Starts any Spring Boot main class of this class path on a free port ({@code --server.port}) and
   * waits until it is ready: {@code withTestClasses} for one that lives among the tests (the
   * benchmark's bare Camunda application); JVM options such as system properties.
   */
  public static ApplicationProcess start(String mainClass, boolean withTestClasses, List<String> jvmOptions, Path logFile,
      List<String> arguments) throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath(withTestClasses), mainClass, "--server.port=" + port));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
    ApplicationProcess application = new ApplicationProcess(process, port, logFile);
    application.awaitReady();
    return application;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** SIGKILL: no shutdown hook, no flush, as a power cut of the process. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited while starting:\n" + tail());
      }
      try {
        HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The application was not ready within " + STARTUP + ":\n" + tail());
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** This run's class path; without the test classes it is the application as it ships. */
  private static String classPath(boolean withTestClasses) {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> withTestClasses || !entry.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** The process id, e.g. to read its memory. */
  public long pid() {
    return process.pid();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
