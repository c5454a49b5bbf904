package org.jointactivities.document;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.jointactivities.document.DocumentStore.StoredVersion;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The headers of a version's download: its type and size, always an attachment, its hash as ETag. */
final class VersionDownload {

  private VersionDownload() {}

  static void headers(StoredVersion version, HttpServletResponse response) {
    response.setContentType(version.contentType());
    response.setContentLengthLong(version.size());
    // always a download, never shown in our pages' origin; the browser must not guess another type
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(version.fileName()).build().toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.ETAG, "\"" + version.sha256() + "\"");
    response.setHeader("X-Content-SHA256", version.sha256());
  }

  /** A plain name stays plain; only another name is encoded (RFC 6266's filename*, which every browser reads). */
  private static ContentDisposition.Builder attachment(String fileName) {
    ContentDisposition.Builder attachment = ContentDisposition.attachment();
    return StandardCharsets.US_ASCII.newEncoder().canEncode(fileName) ? attachment.filename(fileName)
        : attachment.filename(fileName, StandardCharsets.UTF_8);
  }
}
