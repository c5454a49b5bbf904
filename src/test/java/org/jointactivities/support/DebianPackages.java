package org.jointactivities.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Servers the tests start themselves come from Debian's packages, installed when missing as
 * .ci/postgres installs PostgreSQL: {@code mvn verify} on a fresh machine needs no step of its own.
 */
final class DebianPackages {

  private DebianPackages() {}

  /** Installs {@code name} unless {@code program} is there already; the package lists of a fresh machine may be empty. */
  static synchronized void install(String name, Path program) {
    if (Files.isExecutable(program)) {
      return;
    }
    String install = "DEBIAN_FRONTEND=noninteractive apt-get install -y -q " + name;
    StringBuilder output = new StringBuilder();
    for (String command : List.of(install, "apt-get update -q && " + install)) {
      try {
        Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        if (process.waitFor() == 0 && Files.isExecutable(program)) {
          return;
        }
      } catch (IOException e) {
        output.append(e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException(program + " is missing and apt-get could not install Debian's " + name
        + " (.ci/run installs it): " + output.substring(Math.max(0, output.length() - 2000)));
  }
}
