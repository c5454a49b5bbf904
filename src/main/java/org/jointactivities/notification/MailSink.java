package org.jointactivities.notification;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
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
  private final int keep;

  /**
   * Port 0 picks a free port (tests); the mail sender is then pointed at it (MailSinkSender).
   * {@code keep}: how many of the newest mails the sink holds; it lives in the heap.
   */
  MailSink(@Value("${joint-activities.mail-sink.port}") int port, @Value("${joint-activities.mail-sink.keep:500}") int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("joint-activities.mail-sink.keep must be 1 or more, not " + keep);
    }
    this.port = port;
    this.keep = keep;
    this.server = new GreenMail(setup(port));
  }

  /** How many of the newest mails the sink holds. */
  public int keeps() {
    return keep;
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
   * Every message held, oldest first, once each: the server files a copy per recipient, and
   * the copies share a Message-ID. At most {@link #keeps()} of them once {@link #trim()} ran.
   */
  public List<MimeMessage> received() {
    Map<String, MimeMessage> unique = new LinkedHashMap<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      unique.putIfAbsent(messageId(message), message);
    }
    return List.copyOf(unique.values());
  }

  /**
   * Forgets all but the newest {@code keep} mails, every recipient's copy of them: without a bound
   * a demo left running (or a load test) fills the heap. Runs every few seconds.
   */
  @Scheduled(fixedDelayString = "${joint-activities.mail-sink.trim-interval:PT10S}")
  public void trim() {
    if (!server.isRunning()) {
      return;
    }
    try {
      List<MailFolder> inboxes = new ArrayList<>();
      Map<String, Date> newestCopy = new HashMap<>();
      for (GreenMailUser user : server.getUserManager().listUser()) {
        MailFolder inbox = server.getManagers().getImapHostManager().getInbox(user);
        inboxes.add(inbox);
        for (StoredMessage stored : inbox.getMessages()) {
          newestCopy.merge(messageId(stored.getMimeMessage()), stored.getReceivedDate(),
              (a, b) -> a.after(b) ? a : b);
        }
      }
      if (newestCopy.size() <= keep) {
        return;
      }
      Set<String> kept = newestCopy.entrySet().stream()
          .sorted(Map.Entry.<String, Date>comparingByValue().reversed()).limit(keep)
          .map(Map.Entry::getKey).collect(Collectors.toSet());
      for (MailFolder inbox : inboxes) {
        for (StoredMessage stored : inbox.getMessages()) {
          if (!kept.contains(messageId(stored.getMimeMessage()))) {
            stored.setFlag(Flags.Flag.DELETED, true);
          }
        }
        inbox.expunge();
      }
      LOG.debug("Mail sink trimmed to its newest {} of {} mails", keep, newestCopy.size());
    } catch (FolderException e) {
      LOG.warn("The mail sink could not forget its oldest mails: {}", e.getMessage());
    }
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
