package org.jointactivities.rules;

/** Text people type: any language and line breaks welcome, control characters not (they hide or garble what others read). */
public final class PlainText {

  /** The most a comment or reason may say. */
  public static final int MAX_COMMENT = 4000;

  private PlainText() {}

  /**
   * What went wrong, as one line: the innermost cause's message ("Connection refused", "Read timed
   * out"), after the outermost exception's kind when they differ.
   */
  public static String failureOf(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return forLog(root == failure ? message : failure.getClass().getSimpleName() + ": " + message);
  }

  /**
   * Text from outside (a user name, a variable name, a path) as it may go into a log line: control
   * characters and line separators written as Unicode escapes, so that nobody can start a forged
   * line of their own.
   */
  public static String forLog(Object text) {
    if (text == null) {
      return null;
    }
    StringBuilder shown = new StringBuilder();
    text.toString().codePoints().forEach(c -> {
      if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
        shown.append(String.format("\\u%04x", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    return shown.toString();
  }

  public static boolean hasControlCharacters(String text) {
    return text != null && text.codePoints()
        .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
  }

  /** The text, stripped, or a refusal naming the field when it holds control characters. */
  public static String checked(String what, String field, String text) {
    if (hasControlCharacters(text)) {
      throw new InvalidInputException(what, field, "must not contain control characters");
    }
    return text == null ? null : text.strip();
  }

  /**
   * A comment or reason as typed, stripped ("" when none), or a refusal naming the field: control
   * characters, more than {@value #MAX_COMMENT} characters, or none where {@code requiredRule} says
   * one is needed (null: optional).
   */
  public static String comment(String what, String field, Object value, String requiredRule) {
    String text = value == null ? "" : checked(what, field, value.toString());
    if (text.isEmpty() && requiredRule != null) {
      throw new InvalidInputException(what, field, requiredRule);
    }
    if (text.length() > MAX_COMMENT) {
      throw new InvalidInputException(what, field, "must be at most " + MAX_COMMENT + " characters");
    }
    return text;
  }
}
