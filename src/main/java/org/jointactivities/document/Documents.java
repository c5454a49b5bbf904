package org.jointactivities.document;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityAccess;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.amendment.AmendmentRepository;
import org.jointactivities.document.AttachmentChoices.Choice;
import org.jointactivities.document.DocumentStore.StoredDocument;
import org.jointactivities.document.DocumentStore.StoredVersion;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.reporting.ProgressReportRepository;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * An activity's documents, for the people of its two agencies (and administrators): attach one,
 * add a version (the earlier ones stay), list them, open one (each opening logged), delete one that
 * is not part of a signed version. A file is inspected whole before anything of it is stored, and
 * stored in one transaction: a refused or failed upload leaves nothing behind.
 */
@Service
public class Documents {

  static final String ATTACH = "Document";
  static final String NEW_VERSION = "New version";
  static final int MAX_TITLE = 200;
  /** Who "attached" what the application produces itself. */
  static final String SYSTEM = "joint-activities";
  static final String SYSTEM_NAME = "Joint Activities, on signature";
  private static final Pattern ATTACHED_TO = Pattern.compile("activity|(progress-report|amendment)-([1-9][0-9]{0,3})");

  /** A file as uploaded: its name, its size and a way to read it (again) from the start. */
  public record Upload(String fileName, long size, InputStreamSource content) {

    /** A multipart request's file; none is refused naming the field. */
    public static Upload of(String what, MultipartFile file) {
      if (file == null) {
        throw new InvalidInputException(what, "File", "is required: choose the file to attach");
      }
      return new Upload(file.getOriginalFilename(), file.getSize(), file);
    }
  }

  private final DocumentStore store;
  private final FileInspection inspection;
  private final ActivityAccess access;
  private final IdentityLookup identity;
  private final ProgressReportRepository reports;
  private final AmendmentRepository amendments;
  private final DocumentProperties limits;

  Documents(DocumentStore store, FileInspection inspection, ActivityAccess access, IdentityLookup identity,
      ProgressReportRepository reports, AmendmentRepository amendments, DocumentProperties limits) {
    this.store = store;
    this.inspection = inspection;
    this.access = access;
    this.identity = identity;
    this.reports = reports;
    this.amendments = amendments;
    this.limits = limits;
  }

  /** The types, the parts of the activity (itself, each amendment, each progress report) and the size limit. */
  @Transactional(readOnly = true)
  public AttachmentChoices choices(String reference, String user) {
    JointActivity activity = access.readable(reference, user);
    List<Choice> parts = new ArrayList<>();
    parts.add(new Choice("activity", "The activity " + activity.getReference()));
    amendments.findByActivityIdOrderByNumberAsc(activity.getId())
        .forEach(amendment -> parts.add(new Choice("amendment-" + amendment.getNumber(), "Amendment " + amendment.getNumber())));
    reports.findByActivityIdOrderByPeriodNumberAsc(activity.getId()).forEach(report -> parts.add(
        new Choice(AttachInTask.PROGRESS_REPORT + "-" + report.getPeriodNumber(), "Progress report " + report.getPeriodNumber())));
    List<Choice> types = DocumentType.attachable().stream().map(type -> new Choice(type.name(), type.label())).toList();
    return new AttachmentChoices(types, parts, limits.maxSize().toBytes());
  }

  @Transactional
  public DocumentView attach(String reference, String user, Object type, Object title, Object attachedTo,
      boolean publicDocument, Upload upload) throws IOException {
    JointActivity activity = access.readable(reference, user);
    DocumentType checkedType = type(type);
    String checkedTitle = title(title);
    String target = attachedTo(activity, attachedTo);
    String fileName = FileName.checked(ATTACH, upload.fileName());
    AllowedContent content = inspection.inspect(ATTACH, fileName, upload.size(), upload.content());
    Instant now = Instant.now();
    long documentId = store.addDocument(activity.getId(), target, checkedType, checkedTitle, publicDocument, user, now);
    storeVersion(documentId, fileName, content, upload, user, now);
    return view(store.document(activity.getId(), documentId).orElseThrow(), user, isAdministrator(user));
  }

  @Transactional
  public DocumentView addVersion(String reference, long documentId, String user, Upload upload) throws IOException {
    JointActivity activity = access.readable(reference, user);
    StoredDocument document = document(activity, documentId);
    if (document.type() == DocumentType.SIGNED_AGREEMENT) {
      throw new ActionRefusedException("A signed agreement is produced by the application and never changed");
    }
    String fileName = FileName.checked(NEW_VERSION, upload.fileName());
    AllowedContent content = inspection.inspect(NEW_VERSION, fileName, upload.size(), upload.content());
    storeVersion(documentId, fileName, content, upload, user, Instant.now());
    return view(document, user, isAdministrator(user));
  }

  @Transactional(readOnly = true)
  public List<DocumentView> of(String reference, String user) {
    JointActivity activity = access.readable(reference, user);
    boolean administrator = isAdministrator(user);
    return store.documentsOf(activity.getId()).stream().map(document -> view(document, user, administrator)).toList();
  }

  /** How many documents each activity has, by activity id (none: absent), in one query for all. */
  @Transactional(readOnly = true)
  public Map<Long, Integer> countsByActivity(List<Long> activityIds) {
    return store.countsByActivity(activityIds);
  }

  /** The version to open, its opening logged (in the caller's transaction, before any byte goes out). */
  @Transactional
  public StoredVersion open(String reference, long documentId, int number, String user) {
    JointActivity activity = access.readable(reference, user);
    StoredVersion version = store.versionsOf(document(activity, documentId).id()).stream()
        .filter(candidate -> candidate.number() == number).findFirst()
        .orElseThrow(() -> new NoSuchElementException("Document " + documentId + " of " + reference + " has no version " + number));
    store.logDownload(version.id(), user, Instant.now());
    return version;
  }

  /** The bytes of a version {@link #open} returned, chunk by chunk. */
  @Transactional(readOnly = true)
  public void copy(StoredVersion version, OutputStream out) throws IOException {
    store.copyContent(version.id(), out);
  }

  @Transactional
  public void delete(String reference, long documentId, String user) {
    JointActivity activity = access.readable(reference, user);
    StoredDocument document = document(activity, documentId);
    if (signed(store.versionsOf(documentId))) {
      throw new IllegalStateException("Document " + documentId + " (" + document.title()
          + ") is part of a signed version of " + reference + " and cannot be deleted");
    }
    if (!mayDelete(document, user, isAdministrator(user))) {
      throw new ActionRefusedException("Only " + identity.nameOf(document.createdBy())
          + ", who attached it, or an administrator may delete document " + documentId + " (" + document.title() + ")");
    }
    store.delete(documentId);
  }

  /**
   * The documents of an information request's answer. Who may read or attach them is the
   * exchange's rule (need-to-know), decided by the caller before it asks here.
   */
  @Transactional(readOnly = true)
  public List<DocumentView> ofRequest(long requestId, String user) {
    return store.documentsOfRequest(requestId).stream().map(document -> requestView(document, user)).toList();
  }

  /** A new document of a request's answer (the caller has checked that the person may add one now). */
  @Transactional
  public DocumentView attachToRequest(long requestId, String user, Object type, Object title, Upload upload)
      throws IOException {
    DocumentType checkedType = type(type);
    String checkedTitle = title(title);
    String fileName = FileName.checked(ATTACH, upload.fileName());
    AllowedContent content = inspection.inspect(ATTACH, fileName, upload.size(), upload.content());
    Instant now = Instant.now();
    long documentId = store.addRequestDocument(requestId, checkedType, checkedTitle, user, now);
    storeVersion(documentId, fileName, content, upload, user, now);
    return requestView(store.requestDocument(requestId, documentId).orElseThrow(), user);
  }

  /** A new version of a request's document (the caller has checked that the person may add one now). */
  @Transactional
  public DocumentView addVersionToRequest(long requestId, String reference, long documentId, String user, Upload upload)
      throws IOException {
    StoredDocument document = requestDocument(requestId, reference, documentId);
    String fileName = FileName.checked(NEW_VERSION, upload.fileName());
    AllowedContent content = inspection.inspect(NEW_VERSION, fileName, upload.size(), upload.content());
    storeVersion(documentId, fileName, content, upload, user, Instant.now());
    return requestView(document, user);
  }

  /** What one attaches to a request's answer: the types (no signed agreement), the answer itself, the largest file. */
  public AttachmentChoices choicesOfRequest(String reference) {
    List<Choice> types = DocumentType.attachable().stream().map(type -> new Choice(type.name(), type.label())).toList();
    return new AttachmentChoices(types, List.of(new Choice("answer", "The answer to " + reference)), limits.maxSize().toBytes());
  }

  /**
   * Sends a version of a request's document as a download, its opening logged before any byte goes
   * out (the caller has checked that the person may read it).
   */
  @Transactional
  public void downloadOfRequest(long requestId, String reference, long documentId, int number, String user,
      HttpServletResponse response) throws IOException {
    StoredVersion version = store.versionsOf(requestDocument(requestId, reference, documentId).id()).stream()
        .filter(candidate -> candidate.number() == number).findFirst()
        .orElseThrow(() -> new NoSuchElementException("Document " + documentId + " of " + reference + " has no version " + number));
    store.logDownload(version.id(), user, Instant.now());
    VersionDownload.headers(version, response);
    store.copyContent(version.id(), response.getOutputStream());
  }

  private StoredDocument requestDocument(long requestId, String reference, long documentId) {
    return store.requestDocument(requestId, documentId)
        .orElseThrow(() -> new NoSuchElementException("No document " + documentId + " of " + reference));
  }

  /** Removes every document of a request's answer, with its versions and who opened them: what retention purges. */
  @Transactional
  public int purgeOfRequest(long requestId) {
    List<StoredDocument> documents = store.documentsOfRequest(requestId);
    documents.forEach(document -> store.delete(document.id()));
    return documents.size();
  }

  private DocumentView requestView(StoredDocument document, String user) {
    // an answer's documents go with the answer: no one deletes one on its own
    return DocumentView.of(document, store.versionsOf(document.id()), this::nameOf, false);
  }

  /** Both agencies signed: the documents as they are now belong to that signed version, for good. */
  @Transactional
  public void seal(long activityId, String signedVersion) {
    store.seal(activityId, signedVersion);
  }

  /**
   * Keeps the application's PDF of a signed version as that version's signed agreement: a document
   * of its own, part of the signed version from the start (so never changed or deleted).
   */
  @Transactional
  public void keepSignedAgreement(long activityId, String signedVersion, String title, String fileName, byte[] pdf,
      String signedContentSha256) throws IOException {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    String attachedTo = signedVersion.startsWith("amendment-") ? signedVersion : "activity";
    long documentId = store.addDocument(activityId, attachedTo, DocumentType.SIGNED_AGREEMENT, title, false, SYSTEM, now);
    StoredVersion version = store.addVersion(documentId, fileName, AllowedContent.PDF.contentType(),
        new ByteArrayInputStream(pdf), SYSTEM, now);
    store.markSignedAgreement(version.id(), signedVersion, signedContentSha256);
  }

  /** The signed agreement whose PDF has this SHA-256 (lower-case hex), if it is one. */
  @Transactional(readOnly = true)
  public Optional<SignedAgreement> signedAgreement(String sha256) {
    return store.signedAgreement(sha256);
  }

  private void storeVersion(long documentId, String fileName, AllowedContent content, Upload upload, String user,
      Instant at) throws IOException {
    try (InputStream in = upload.content().getInputStream()) {
      StoredVersion stored = store.addVersion(documentId, fileName, content.contentType(), in, user, at);
      if (stored.size() != upload.size()) {
        throw new IllegalStateException("The upload of " + fileName + " changed while it was stored; nothing was kept");
      }
    }
  }

  private StoredDocument document(JointActivity activity, long documentId) {
    return store.document(activity.getId(), documentId)
        .orElseThrow(() -> new NoSuchElementException("No document " + documentId + " of " + activity.getReference()));
  }

  private static DocumentType type(Object type) {
    String all = "one of " + String.join(", ", DocumentType.attachable().stream().map(Enum::name).toList());
    if (type == null || type.toString().isBlank()) {
      throw new InvalidInputException(ATTACH, "Type", "is required: " + all);
    }
    DocumentType parsed;
    try {
      parsed = DocumentType.valueOf(type.toString());
    } catch (IllegalArgumentException unknown) {
      throw new InvalidInputException(ATTACH, "Type", "must be " + all);
    }
    if (parsed == DocumentType.SIGNED_AGREEMENT) {
      throw new InvalidInputException(ATTACH, "Type", "a signed agreement is produced by the application when both"
          + " agencies have signed; attach a concept note, budget, annex, report evidence or other document");
    }
    return parsed;
  }

  private static String title(Object title) {
    String text = title == null ? "" : title.toString().strip();
    if (text.isEmpty()) {
      throw new InvalidInputException(ATTACH, "Title", "is required: say what the document is");
    }
    if (text.length() > MAX_TITLE) {
      throw new InvalidInputException(ATTACH, "Title", "is longer than " + MAX_TITLE + " characters");
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(ATTACH, "Title", "must be one line of text, without control characters");
    }
    return text;
  }

  private String attachedTo(JointActivity activity, Object attachedTo) {
    String target = attachedTo == null || attachedTo.toString().isBlank() ? "activity" : attachedTo.toString();
    Matcher match = ATTACHED_TO.matcher(target);
    if (!match.matches()) {
      throw new InvalidInputException(ATTACH, "Attached to", "must be 'activity', 'progress-report-<period>' or 'amendment-<number>'");
    }
    if (match.group(1) != null) {
      int number = Integer.parseInt(match.group(2));
      boolean exists = "progress-report".equals(match.group(1))
          ? reports.findByActivityIdAndPeriodNumber(activity.getId(), number).isPresent()
          : amendments.findByActivityIdOrderByNumberAsc(activity.getId()).stream().anyMatch(a -> a.getNumber() == number);
      if (!exists) {
        throw new InvalidInputException(ATTACH, "Attached to", activity.getReference() + " has no " + match.group(1).replace('-', ' ')
            + " " + number);
      }
    }
    return target;
  }

  private DocumentView view(StoredDocument document, String user, boolean administrator) {
    List<StoredVersion> versions = store.versionsOf(document.id());
    return DocumentView.of(document, versions, this::nameOf, !signed(versions) && mayDelete(document, user, administrator));
  }

  private String nameOf(String user) {
    return SYSTEM.equals(user) ? SYSTEM_NAME : identity.nameOf(user);
  }

  /** Who may delete a document not yet part of a signed version: who attached it, or an administrator. */
  private static boolean mayDelete(StoredDocument document, String user, boolean administrator) {
    return administrator || user.equals(document.createdBy());
  }

  private static boolean signed(List<StoredVersion> versions) {
    return versions.stream().anyMatch(version -> version.signedIn() != null);
  }

  private boolean isAdministrator(String user) {
    return identity.groupsOf(user).contains(Groups.CAMUNDA_ADMIN);
  }
}
