package org.jointactivities.agreement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jointactivities.document.Documents;
import org.jointactivities.document.Sha256;
import org.jointactivities.document.SignedAgreement;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Is this PDF (or this SHA-256) a signed agreement the application produced and keeps? */
@RestController
@Tag(name = "Signed agreements", description = "Checks a copy of a joint activity agreement against the one kept")
class AgreementController {

  private static final String VERIFICATION = "Agreement verification";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  /** The answer: {@code signedAgreement} false (and only the hash) when the file is none of ours. */
  record Verification(boolean signedAgreement, String sha256, String reference, String signedVersion, Instant producedAt,
      String signedContentSha256, String message) {

    static Verification of(String sha256, Documents documents) {
      return documents.signedAgreement(sha256)
          .map(Verification::kept)
          .orElseGet(() -> new Verification(false, sha256, null, null, null, null,
              "This is not a signed agreement kept by Joint Activities: no agreement has this SHA-256. A copy that was"
                  + " changed in any way, even re-saved, no longer matches."));
    }

    private static Verification kept(SignedAgreement kept) {
      return new Verification(true, kept.sha256(), kept.reference(), kept.signedIn(), kept.producedAt(),
          kept.signedContentSha256(), "This is the signed agreement of " + kept.reference() + " (" + kept.signedIn()
              + "), as produced when both agencies had signed.");
    }
  }

  private final Documents documents;

  AgreementController(Documents documents) {
    this.documents = documents;
  }

  @Operation(summary = "Check a PDF (multipart: file) against the signed agreements kept")
  @PostMapping(path = "/api/agreements/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Verification verify(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException(VERIFICATION, "File", "is required: choose the PDF to check");
    }
    try (InputStream in = file.getInputStream()) {
      return Verification.of(Sha256.of(in), documents);
    }
  }

  @Operation(summary = "Check a SHA-256 (64 hexadecimal characters) against the signed agreements kept")
  @GetMapping("/api/agreements/{sha256}")
  Verification verify(@PathVariable String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new InvalidInputException(VERIFICATION, "SHA-256", "must be 64 hexadecimal characters (0-9, a-f)");
    }
    return Verification.of(sha256.toLowerCase(Locale.ROOT), documents);
  }

}
