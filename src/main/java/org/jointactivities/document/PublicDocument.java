package org.jointactivities.document;

import java.time.Instant;

/**
 * The newest version of a document marked public, as the IATI export links it: {@code url} opens it
 * without a login (PublicDocumentController) while the activity is signed.
 */
public record PublicDocument(long activityId, long documentId, DocumentType type, String title, String fileName,
    String contentType, Instant uploadedAt, String url) {}
