package org.jointactivities.document;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Whether an uploaded file may become a document, from its bytes: not empty, within the size
 * limit, of an allowed kind — detected by Apache Tika from the content (the name only tells apart
 * kinds of the same family, such as Word 97 and Excel 97), Word and Excel files by their main part
 * — no archive bomb, and no virus when a scanner is configured. Reads the file once per check,
 * never whole into memory.
 */
@Component
class FileInspection {

  private static final MediaType ZIP = MediaType.application("zip");
  private static final MediaType OOXML = MediaType.application("x-tika-ooxml");

  private final DocumentProperties limits;
  private final VirusScan virusScan;
  private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
  private final MediaTypeRegistry types = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

  FileInspection(DocumentProperties limits, VirusScan virusScan) {
    this.limits = limits;
    this.virusScan = virusScan;
  }

  /** The allowed kind of the file, or a refusal naming the rule it breaks. */
  AllowedContent inspect(String what, String fileName, long size, InputStreamSource content) throws IOException {
    if (size <= 0) {
      throw new InvalidInputException(what, "File", "is empty");
    }
    if (size > limits.maxSize().toBytes()) {
      throw tooLarge(what, limits, size);
    }
    MediaType detected = detect(fileName, content);
    AllowedContent allowed = AllowedContent.of(insideContainer(what, detected, content).toString())
        .orElseThrow(() -> new InvalidInputException(what, "File", "is " + describe(detected)
            + " by its content, not a kind a document may be: " + AllowedContent.LIST));
    try (InputStream in = content.getInputStream()) {
      virusScan.findIn(in).ifPresent(virus -> {
        throw new InvalidInputException(what, "File", "contains a virus (" + virus + ") and was not stored");
      });
    } catch (IOException scannerFailed) {
      throw new VirusScannerUnavailableException(virusScan.toString(), scannerFailed);
    }
    return allowed;
  }

  static DocumentTooLargeException tooLarge(String what, DocumentProperties limits, long size) {
    return new DocumentTooLargeException(what, "is larger than " + Sizes.describe(limits.maxSize().toBytes())
        + ", the most a document may be" + (size > 0 ? " (this one: " + Sizes.describe(size) + ")" : ""));
  }

  private MediaType detect(String fileName, InputStreamSource content) throws IOException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try (InputStream in = TikaInputStream.get(content.getInputStream())) {
      return detector.detect(in, metadata);
    }
  }

  /** A ZIP container is read through (bombs refused); an Office Open XML file is Word or Excel by its main part. */
  private MediaType insideContainer(String what, MediaType detected, InputStreamSource content) throws IOException {
    if (!types.isInstanceOf(detected, ZIP)) {
      return detected;
    }
    ArchiveContents archive;
    try (InputStream in = content.getInputStream()) {
      archive = ArchiveContents.read(what, in, limits);
    }
    if (types.isInstanceOf(detected, OOXML)) {
      if (archive.has("word/document.xml")) {
        return MediaType.parse(AllowedContent.WORD.contentType());
      }
      if (archive.has("xl/workbook.xml")) {
        return MediaType.parse(AllowedContent.EXCEL.contentType());
      }
      return OOXML;
    }
    return archive.odfMimetype() != null && detected.toString().startsWith("application/vnd.oasis.opendocument")
        ? MediaType.parse(archive.odfMimetype()) : detected;
  }

  private static String describe(MediaType type) {
    try {
      String description = MimeTypes.getDefaultMimeTypes().forName(type.toString()).getDescription();
      return description == null || description.isBlank() ? "of type " + type : "a file of type " + type + " (" + description + ")";
    } catch (MimeTypeException unknown) {
      return "of type " + type;
    }
  }
}
