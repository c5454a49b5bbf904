package org.jointactivities.rules;

/** Text people type: any language and line breaks welcome, control characters not (they hide or garble what others read). */
public final class PlainText {

  private PlainText() {}

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
}
