package org.jointactivities.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How e-mails leave the application: by their own threads, never the engine's job executor, so a
 * mail server that refuses, hangs or crawls holds up no process step or timer.
 *
 * @param senders threads sending mail on this node (each holds one SMTP conversation at a time and no
 *     database connection while it talks to the server); 0 sends nothing in the background (tests)
 * @param pollInterval how often an idle sender looks for due mails that no commit woke it for
 *     (retries coming due, mails of other nodes)
 * @param claimTime how long a sender holds a mail it took; longer than an SMTP conversation can last
 *     (spring.mail's connection, read and write timeouts), so that a node that died mid-send lets go
 */
@ConfigurationProperties("joint-activities.notifications.delivery")
public record MailDeliveryProperties(Integer senders, Duration pollInterval, Duration claimTime) {

  public MailDeliveryProperties {
    senders = senders == null ? 2 : senders;
    if (senders < 0) {
      throw new IllegalArgumentException("joint-activities.notifications.delivery.senders must not be negative");
    }
    pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
    claimTime = claimTime == null ? Duration.ofMinutes(2) : claimTime;
  }
}
