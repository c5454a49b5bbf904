package org.jointactivities.document;

/** The virus scanner could not say whether a file is clean: nothing is stored unscanned. */
class VirusScannerUnavailableException extends RuntimeException {

  VirusScannerUnavailableException(String scanner, Throwable cause) {
    super("The virus scanner (" + scanner + ") cannot check files just now, so the document was not stored and"
        + " nothing was changed. Please try again in a moment; if this goes on, tell your administrator.", cause);
  }
}
