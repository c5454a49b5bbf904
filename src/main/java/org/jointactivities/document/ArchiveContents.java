package org.jointactivities.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jointactivities.rules.InvalidInputException;

/**
 * What a ZIP container (Word, Excel and OpenDocument files are ones) holds, read entry by entry and
 * never further than the limits: an archive bomb — a small file that expands to gigabytes, or to
 * more entries than any document has — is refused before it fills the disk or a scanner.
 */
record ArchiveContents(Set<String> entries, String odfMimetype) {

  static ArchiveContents read(String what, InputStream in, DocumentProperties limits) throws IOException {
    Set<String> names = new HashSet<>();
    String mimetype = null;
    long expanded = 0;
    byte[] buffer = new byte[8192];
    try (ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (names.size() >= limits.maxArchiveEntries()) {
          throw bomb(what, "holds more than " + limits.maxArchiveEntries() + " files");
        }
        names.add(entry.getName());
        StringBuilder text = "mimetype".equals(entry.getName()) ? new StringBuilder() : null;
        for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
          expanded += read;
          if (expanded > limits.maxExpandedSize().toBytes()) {
            throw bomb(what, "expands to more than " + Sizes.describe(limits.maxExpandedSize().toBytes()) + " when opened");
          }
          if (text != null && text.length() < 200) {
            text.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
          }
        }
        if (text != null) {
          mimetype = text.toString().strip();
        }
      }
    } catch (ZipException damaged) {
      throw new InvalidInputException(what, "File", "is a damaged archive and cannot be opened");
    }
    return new ArchiveContents(Set.copyOf(names), mimetype);
  }

  private static InvalidInputException bomb(String what, String how) {
    return new InvalidInputException(what, "File", how + ", which no document does (an archive bomb?)");
  }

  boolean has(String entry) {
    return entries.contains(entry);
  }
}
