package org.jointactivities.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.jointactivities.document.DocumentStore.StoredVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public documents for IATI's data users, without a login: the newest version of a document marked
 * public, of a signed activity, under its file name (the IATI export's document-link). Anything
 * else is 404, the same for a document that does not exist as for one that is not public, so that
 * nobody learns what the agencies keep. Openings are not logged as downloads: the log says which
 * of the agencies' people read what, and the public is nobody in particular.
 */
@RestController
@Tag(name = "Public documents", description = "Documents the agencies publish with their signed activities (no login)")
class PublicDocumentController {

  private final PublicDocuments documents;

  PublicDocumentController(PublicDocuments documents) {
    this.documents = documents;
  }

  @Operation(summary = "A public document of a signed activity: its newest version (no login)")
  @GetMapping(PublicDocuments.PATH + "{documentId}/{fileName}")
  void download(@PathVariable String documentId, @PathVariable String fileName, HttpServletResponse response)
      throws IOException {
    StoredVersion version = documents.published(id(documentId), fileName).orElseThrow(PublicDocumentController::none);
    VersionDownload.headers(version, response);
    documents.copy(version, response.getOutputStream());
  }

  /** A number, or no document: a malformed id is as unknown as a missing one (404, not 400). */
  private static long id(String documentId) {
    if (!documentId.matches("[0-9]{1,18}")) {
      throw none();
    }
    return Long.parseLong(documentId);
  }

  private static NoSuchElementException none() {
    return new NoSuchElementException("No such public document");
  }
}
