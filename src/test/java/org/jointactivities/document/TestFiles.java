package org.jointactivities.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files as people (and attackers) upload them: made here, byte by byte, so each test says what it sends. */
public final class TestFiles {

  private TestFiles() {}

  /** A one-page PDF as far as the content check goes: the header, a catalogue and the text. */
  public static byte[] pdf(String text) {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A Word file as Word writes it: [Content_Types].xml first, the main part in word/. */
  static byte[] docx() {
    return officeOpenXml("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>", 0);
  }

  /** A Word-shaped file whose main part expands to {@code megabytes} of zeros: an archive bomb. */
  static byte[] docxBomb(int megabytes) {
    return officeOpenXml("word/document.xml", "", megabytes);
  }

  /** The first bytes of a Linux program. */
  static byte[] program() {
    byte[] elf = new byte[4096];
    System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
    return elf;
  }

  /** The EICAR test file: harmless, and every virus scanner reports it. */
  static byte[] eicar() {
    return ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] officeOpenXml(String mainPart, String content, int zeroMegabytes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Override PartName=\"/" + mainPart + "\" ContentType=\"application/vnd.openxmlformats-officedocument."
          + "wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("_rels/.rels"));
      zip.write("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry(mainPart));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < zeroMegabytes; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
