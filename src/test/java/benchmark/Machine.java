package benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the machine is and how busy it is, and an application process's memory, read from /proc and jcmd. */
final class Machine {

  private Machine() {}

  static String describe() {
    String cpu = read("/proc/cpuinfo").lines().filter(line -> line.startsWith("model name")).findFirst()
        .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
    String memory = read("/proc/meminfo").lines().filter(line -> line.startsWith("MemTotal")).findFirst()
        .map(line -> line.replaceAll("\\D+", "")).map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GiB").orElse("?");
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + " memory, Java "
        + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  /** The 1-minute load average. */
  static String load() {
    String loadavg = read("/proc/loadavg");
    return loadavg.isEmpty() ? "?" : loadavg.split(" ")[0];
  }

  static long rssMb(long pid) {
    Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(read("/proc/" + pid + "/status"));
    return rss.find() ? Long.parseLong(rss.group(1)) / 1024 : -1;
  }

  /** Heap in use as the JVM reports it (jcmd GC.heap_info). */
  static long heapUsedMb(long pid) {
    try {
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
      String out = new String(jcmd.getInputStream().readAllBytes());
      jcmd.waitFor();
      Matcher used = Pattern.compile("used (\\d+)K").matcher(out);
      return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      return "";
    }
  }
}
