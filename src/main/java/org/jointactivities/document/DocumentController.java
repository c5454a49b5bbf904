package org.jointactivities.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.jointactivities.discussion.Discussion;
import org.jointactivities.document.DocumentStore.StoredVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** An activity's documents, by the activity's reference or by one of its tasks (Tasklist's plugin). */
@RestController
@Tag(name = "Documents", description = "Concept notes, budgets, annexes, report evidence and signed agreements of an activity")
class DocumentController {

  /** {@code attachTo}: where a document attached in this task belongs; null where the task shows them read-only. */
  record TaskDocuments(String reference, List<DocumentView> documents, String attachTo) {}

  private final Documents documents;
  private final Discussion discussion;
  private final AttachInTask attachInTask;

  DocumentController(Documents documents, Discussion discussion, AttachInTask attachInTask) {
    this.documents = documents;
    this.discussion = discussion;
    this.attachInTask = attachInTask;
  }

  @Operation(summary = "The activity's documents, each with all its versions")
  @GetMapping("/api/activities/{reference}/documents")
  List<DocumentView> list(@PathVariable String reference, Principal user) {
    return documents.of(reference, user.getName());
  }

  @Operation(summary = "The documents of the activity a task belongs to")
  @GetMapping("/api/tasks/{taskId}/documents")
  TaskDocuments ofTask(@PathVariable String taskId, Principal user) {
    String reference = discussion.referenceOfTask(taskId, user.getName());
    return new TaskDocuments(reference, documents.of(reference, user.getName()), attachInTask.target(taskId).orElse(null));
  }

  @Operation(summary = "What one chooses from to attach a document: types, the activity's parts, the largest file")
  @GetMapping("/api/activities/{reference}/attachment-choices")
  AttachmentChoices choices(@PathVariable String reference, Principal user) {
    return documents.choices(reference, user.getName());
  }

  @Operation(summary = "Attach a document (multipart: file, type, title, attachedTo, public)")
  @PostMapping(path = "/api/activities/{reference}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  DocumentView attach(@PathVariable String reference, @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String type, @RequestParam(required = false) String title,
      @RequestParam(required = false) String attachedTo, @RequestParam(name = "public", defaultValue = "false") boolean publicDocument,
      Principal user) throws IOException {
    return documents.attach(reference, user.getName(), type, title, attachedTo, publicDocument, upload(Documents.ATTACH, file));
  }

  @Operation(summary = "Add a version of a document (multipart: file); the earlier versions stay")
  @PostMapping(path = "/api/activities/{reference}/documents/{documentId}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  DocumentView addVersion(@PathVariable String reference, @PathVariable long documentId,
      @RequestPart(name = "file", required = false) MultipartFile file, Principal user) throws IOException {
    return documents.addVersion(reference, documentId, user.getName(), upload(Documents.NEW_VERSION, file));
  }

  @Operation(summary = "Download a version of a document (logged)")
  @GetMapping("/api/activities/{reference}/documents/{documentId}/versions/{number}/content")
  void download(@PathVariable String reference, @PathVariable long documentId, @PathVariable int number, Principal user,
      HttpServletResponse response) throws IOException {
    StoredVersion version = documents.open(reference, documentId, number, user.getName());
    VersionDownload.headers(version, response);
    documents.copy(version, response.getOutputStream());
  }

  @Operation(summary = "Delete a document that is not part of a signed version (who attached it, or an administrator)")
  @DeleteMapping("/api/activities/{reference}/documents/{documentId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String reference, @PathVariable long documentId, Principal user) {
    documents.delete(reference, documentId, user.getName());
  }

  private static Documents.Upload upload(String what, MultipartFile file) {
    return Documents.Upload.of(what, file);
  }
}
