package org.jointactivities.document;

import java.time.Instant;

/**
 * A signed agreement the application produced: which activity and signed version it is of, the
 * document version holding it, the SHA-256 of its PDF and of the content both agencies signed.
 */
public record SignedAgreement(String reference, String signedIn, long documentId, int versionNumber, String fileName,
    Instant producedAt, String sha256, String signedContentSha256) {}
