package org.jointactivities.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A server the tests run as a process of its own: started until it answers, stopped and waited for. */
final class ServerProcess {

  private ServerProcess() {}

  /** Starts {@code command} in {@code folder}, its output to {@code log}, and waits until {@code ready}. */
  static Process start(List<String> command, Path folder, Path log, BooleanSupplier ready, Duration patience, String what) {
    try {
      Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      Instant deadline = Instant.now().plus(patience);
      while (!ready.getAsBoolean()) {
        if (!process.isAlive() || Instant.now().isAfter(deadline)) {
          process.destroy();
          throw new IllegalStateException(what + " did not start: " + Files.readString(log));
        }
        Thread.sleep(50);
      }
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the process, if there is one, and waits until it has gone. */
  static void stop(Process process) {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
