package org.jointactivities.notification;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A local SMTP server inside the application (GreenMail) for the embedded default, so that a
 * newcomer can read the e-mails the application sends at /mail-sink without installing anything.
 * Off in production ({@code joint-activities.mail-sink.enabled}).
 */
@Component
@ConditionalOnProperty(name = "joint-activities.mail-sink.enabled", havingValue = "true")
public class MailSink {

  private static final Logger LOG = LoggerFactory.getLogger(MailSink.class);

  private GreenMail server;
  private int port;
  private boolean startedBefore;

  /** Port 0 picks a free port (tests); the mail sender is then pointed at it (MailSinkSender). */
  MailSink(@Value("${joint-activities.mail-sink.port}") int port) {
    this.port = port;
    this.server = new GreenMail(setup(port));
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  @PostConstruct
  public void start() {
    if (server.isRunning()) {
      return;
    }
    if (startedBefore) {
      // a restart keeps the port the mail sender was pointed at
      server = new GreenMail(setup(port));
    }
    server.start();
    port = server.getSmtp().getPort();
    startedBefore = true;
    LOG.info("Local mail sink listening on SMTP port {}; read the mails at /mail-sink", port);
  }

  private static ServerSetup setup(int port) {
    ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    if (port == 0) {
      smtp = smtp.dynamicPort();
    }
    smtp.setServerStartupTimeout(10_000);
    return smtp;
  }

  @PreDestroy
  public void stop() {
    server.stop();
  }

  /**
   * Every message received, oldest first, once each: the server files a copy per recipient, and
   * the copies share a Message-ID.
   */
  public List<MimeMessage> received() {
    Map<String, MimeMessage> unique = new LinkedHashMap<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      unique.putIfAbsent(messageId(message), message);
    }
    return List.copyOf(unique.values());
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException("Unreadable message in the mail sink", e);
    }
  }

  public void clear() {
    try {
      server.purgeEmailFromAllMailboxes();
    } catch (FolderException e) {
      throw new IllegalStateException("Cannot empty the mail sink", e);
    }
  }
}
