package org.jointactivities.support;

import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.jointactivities.notification.MailParts;

/** Reads received e-mails in tests: recipients, subject and each body part. */
public record Mails(MimeMessage message) {

  public List<String> to() {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String subject() {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String text() {
    return part(message, "text/plain");
  }

  public String html() {
    return part(message, "text/html");
  }

  private static String part(Part part, String type) {
    try {
      return MailParts.of(part, type);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return subject() + " -> " + to();
  }
}
