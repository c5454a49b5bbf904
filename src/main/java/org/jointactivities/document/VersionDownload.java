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
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(version.fileName(), StandardCharsets.UTF_8).build().toString());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader(HttpHeaders.ETAG, "\"" + version.sha256() + "\"");
    response.setHeader("X-Content-SHA256", version.sha256());
  }
}
