package org.jointactivities.document;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Refusals of an upload: too large (413; by the servlet container's multipart limit when far too
 * large to be read at all), not a readable form, and a scanner that fails (503).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before rules/ApiErrors, which answers other refusals 400
class DocumentErrors {

  private final DocumentProperties limits;

  DocumentErrors(DocumentProperties limits) {
    this.limits = limits;
  }

  @ExceptionHandler(DocumentTooLargeException.class)
  ProblemDetail tooLarge(DocumentTooLargeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    problem.setProperty("problems", e.getProblems());
    return problem;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail farTooLarge(MaxUploadSizeExceededException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        FileInspection.tooLarge(Documents.ATTACH, limits, -1).getMessage());
  }

  @ExceptionHandler(MultipartException.class)
  ProblemDetail unreadable(MultipartException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The upload cannot be read as a form with a file (multipart/form-data); nothing was stored");
  }

  @ExceptionHandler(VirusScannerUnavailableException.class)
  ProblemDetail scannerUnavailable(VirusScannerUnavailableException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }
}
