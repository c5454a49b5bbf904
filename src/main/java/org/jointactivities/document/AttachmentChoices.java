package org.jointactivities.document;

import java.util.List;

/** What a person attaching a document to an activity chooses from: the types, the part of the activity, the largest file. */
public record AttachmentChoices(List<Choice> types, List<Choice> parts, long maxBytes) {

  /** A value to send and what the person reads for it. */
  public record Choice(String value, String label) {}
}
