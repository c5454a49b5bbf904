package org.jointactivities.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.document.AttachmentChoices;
import org.jointactivities.document.DocumentView;
import org.jointactivities.document.Documents;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.task.TaskCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The documents of an answer, under the same need-to-know as its text (AnswerAccess): attached while
 * the answer is prepared, read by whoever may read the answer, purged with it. The same paths below
 * {@code /api/exchanges/{reference}} as an activity's below {@code /api/activities/{reference}}, so
 * that the plugins' documents view serves both.
 */
@RestController
@Tag(name = "Information exchange")
class AnswerDocumentsController {

  static final String ATTACH_TO = "answer";

  /** What an exchange task's documents block shows, and where it attaches (null: read-only). */
  record TaskDocuments(String reference, String documentsPath, List<DocumentView> documents, String attachTo) {}

  private final InformationRequests requests;
  private final AnswerAccess access;
  private final Documents documents;
  private final TaskService tasks;
  private final AsSystem asSystem;
  private final TaskCatalog catalog;

  AnswerDocumentsController(InformationRequests requests, AnswerAccess access, Documents documents, TaskService tasks,
      AsSystem asSystem, TaskCatalog catalog) {
    this.catalog = catalog;
    this.requests = requests;
    this.access = access;
    this.documents = documents;
    this.tasks = tasks;
    this.asSystem = asSystem;
  }

  @Operation(summary = "The documents of a request's answer")
  @GetMapping("/api/exchanges/{reference}/documents")
  List<DocumentView> list(@PathVariable String reference, Principal user) {
    return documents.ofRequest(readable(reference, user.getName()).getId(), user.getName());
  }

  @Operation(summary = "The documents of the answer an exchange task is about, and whether the task attaches them")
  @GetMapping("/api/exchange-tasks/{taskId}/documents")
  TaskDocuments ofTask(@PathVariable String taskId, Principal user) {
    Task task = asSystem.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    Object requestId = task == null ? null : asSystem.call(() -> tasks.getVariable(taskId, ExchangeTasks.REQUEST_ID));
    if (!(requestId instanceof Number id)) {
      throw new NoSuchElementException("No open task " + taskId + " of an information request");
    }
    InformationRequest request = readable(requests.get(id.longValue()).getReference(), user.getName());
    boolean attaches = ATTACH_TO.equals(catalog.property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
        TaskCatalog.ATTACH_DOCUMENTS_TO)) && access.mayAttach(user.getName(), request);
    return new TaskDocuments(request.getReference(), "/exchanges/" + request.getReference(),
        documents.ofRequest(request.getId(), user.getName()), attaches ? ATTACH_TO : null);
  }

  @Operation(summary = "What one chooses from to attach a document to an answer")
  @GetMapping("/api/exchanges/{reference}/attachment-choices")
  AttachmentChoices choices(@PathVariable String reference, Principal user) {
    attachable(reference, user.getName());
    return documents.choicesOfRequest(reference);
  }

  @Operation(summary = "Attach a document to the answer being prepared (multipart: file, type, title)")
  @PostMapping(path = "/api/exchanges/{reference}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  DocumentView attach(@PathVariable String reference, @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String type, @RequestParam(required = false) String title,
      @RequestParam(required = false) String attachedTo, Principal user) throws IOException {
    InformationRequest request = attachable(reference, user.getName());
    if (attachedTo != null && !attachedTo.isBlank() && !ATTACH_TO.equals(attachedTo)) {
      throw new InvalidInputException("Document", "Attached to", "must be 'answer': a request's documents belong to its answer");
    }
    return documents.attachToRequest(request.getId(), user.getName(), type, title, upload("Document", file));
  }

  @Operation(summary = "Add a version of an answer's document (multipart: file)")
  @PostMapping(path = "/api/exchanges/{reference}/documents/{documentId}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  DocumentView addVersion(@PathVariable String reference, @PathVariable long documentId,
      @RequestPart(name = "file", required = false) MultipartFile file, Principal user) throws IOException {
    InformationRequest request = attachable(reference, user.getName());
    return documents.addVersionToRequest(request.getId(), reference, documentId, user.getName(), upload("New version", file));
  }

  @Operation(summary = "Download a version of an answer's document (logged)")
  @GetMapping("/api/exchanges/{reference}/documents/{documentId}/versions/{number}/content")
  void download(@PathVariable String reference, @PathVariable long documentId, @PathVariable int number, Principal user,
      HttpServletResponse response) throws IOException {
    InformationRequest request = readable(reference, user.getName());
    documents.downloadOfRequest(request.getId(), reference, documentId, number, user.getName(), response);
  }

  private InformationRequest request(String reference) {
    return requests.find(reference)
        .orElseThrow(() -> new NoSuchElementException("No information request has the reference " + reference));
  }

  private InformationRequest readable(String reference, String user) {
    InformationRequest request = request(reference);
    if (!access.mayReadDocuments(user, request, requests.answerOf(request.getId()))) {
      throw new ActionRefusedException(user + " may not read the documents of the answer to " + reference
          + ": they follow the answer's need-to-know");
    }
    return request;
  }

  private InformationRequest attachable(String reference, String user) {
    InformationRequest request = request(reference);
    if (!access.mayAttach(user, request)) {
      throw new ActionRefusedException(user + " may not attach documents to the answer to " + reference + ": that is for "
          + request.getProvidingAgency() + "'s officers and focal points while the answer is prepared");
    }
    return request;
  }

  private static Documents.Upload upload(String what, MultipartFile file) {
    return Documents.Upload.of(what, file);
  }
}
