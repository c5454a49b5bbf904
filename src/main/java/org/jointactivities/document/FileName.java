package org.jointactivities.document;

import org.jointactivities.rules.InvalidInputException;

/** A file's name as given by the uploader: kept for the download, so it must be a plain name. */
final class FileName {

  static final int MAX_LENGTH = 200;

  private FileName() {}

  /** The name, or a refusal that says which rule it breaks. */
  static String checked(String what, String name) {
    String rule = null;
    if (name == null || name.isBlank()) {
      rule = "is required: the file has no name";
    } else if (name.length() > MAX_LENGTH) {
      rule = "is longer than " + MAX_LENGTH + " characters";
    } else if (name.contains("/") || name.contains("\\") || name.contains("..")) {
      rule = "must be a plain file name, without folders ('/' or '\\') or '..'";
    } else if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
      rule = "must not contain control characters (such as line breaks or tabs)";
    } else if (!name.equals(name.strip())) {
      rule = "must not begin or end with spaces";
    }
    if (rule != null) {
      throw new InvalidInputException(what, "File name", rule);
    }
    return name;
  }
}
