package org.jointactivities.document;

import java.util.Locale;

/** Sizes of files as people read them: 25 MB, 310 KB. */
final class Sizes {

  private Sizes() {}

  static String describe(long bytes) {
    if (bytes >= 1024 * 1024) {
      double megabytes = bytes / (1024.0 * 1024.0);
      return megabytes == Math.rint(megabytes) ? (long) megabytes + " MB" : String.format(Locale.ROOT, "%.1f MB", megabytes);
    }
    return bytes >= 1024 ? (bytes + 1023) / 1024 + " KB" : bytes + " bytes";
  }
}
