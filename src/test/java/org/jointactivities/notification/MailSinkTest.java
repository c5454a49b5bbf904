package org.jointactivities.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The local mail sink holds the newest mails only, every recipient's copy of the older ones forgotten. */
class MailSinkTest {

  @Test
  void keepsTheNewestMailsAndForgetsEveryCopyOfTheOlderOnes() throws Exception {
    MailSink sink = new MailSink(0, 3);
    sink.start();
    try {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(sink.port());
      for (int i = 0; i < 5; i++) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom("joint-activities@example.org");
        mail.setTo("first@example.org", "second@example.org");
        mail.setSubject("Mail " + i);
        mail.setText("Body " + i);
        sender.send(mail);
        Thread.sleep(15); // received times a few milliseconds apart, so "newest" is unambiguous
      }
      assertThat(sink.received()).hasSize(5);

      sink.trim();

      assertThat(sink.received()).extracting(MailSinkTest::subject).containsExactly("Mail 2", "Mail 3", "Mail 4");
      sink.trim(); // nothing more to forget
      assertThat(sink.received()).hasSize(3);
    } finally {
      sink.stop();
    }
  }

  @Test
  void aBoundBelowOneIsRefused() {
    assertThatThrownBy(() -> new MailSink(0, 0)).hasMessageContaining("joint-activities.mail-sink.keep must be 1 or more");
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
