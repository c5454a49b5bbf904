package org.jointactivities.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;

/** Finds a body part of a type (text/plain, text/html) in a received message. */
public final class MailParts {

  private MailParts() {}

  /** The first part of that MIME type, searched depth-first, or null. */
  public static String of(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type)) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = of(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
