package org.jointactivities.document;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jointactivities.document.DocumentStore.StoredDocument;
import org.jointactivities.document.DocumentStore.StoredVersion;

/** A document as the people of an activity see it: what it is, who attached it, and every version. */
public record DocumentView(long id, DocumentType type, String typeLabel, String title, String attachedTo,
    boolean publicDocument, String createdBy, String createdByName, Instant createdAt, boolean deletable,
    List<Version> versions) {

  /** One version; {@code signedIn} names the signed version of the activity it is part of, if any. */
  public record Version(int number, String fileName, String contentType, String kind, long size, String sha256,
      String uploadedBy, String uploadedByName, Instant uploadedAt, String signedIn) {}

  static DocumentView of(StoredDocument document, List<StoredVersion> versions, UnaryOperator<String> nameOf,
      boolean deletable) {
    return new DocumentView(document.id(), document.type(), document.type().label(), document.title(),
        document.attachedTo(), document.publicDocument(), document.createdBy(), nameOf.apply(document.createdBy()),
        document.createdAt(), deletable, versions.stream().map(version -> new Version(version.number(),
            version.fileName(), version.contentType(),
            AllowedContent.of(version.contentType()).map(AllowedContent::label).orElse(version.contentType()),
            version.size(), version.sha256(), version.uploadedBy(), nameOf.apply(version.uploadedBy()),
            version.uploadedAt(), version.signedIn())).toList());
  }
}
