package org.jointactivities.document;

import org.jointactivities.rules.InvalidInputException;

/** A file above the documents' size limit: answered 413 (DocumentErrors), with its field like any refusal. */
class DocumentTooLargeException extends InvalidInputException {

  DocumentTooLargeException(String what, String rule) {
    super(what, "File", rule);
  }
}
