package org.jointactivities.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The threads that send e-mail in the background: {@code joint-activities.notifications.delivery.senders}
 * of them, so mail has a bounded capacity of its own beside the engine's job executor. A sender
 * sleeps until a commit queued mail (wake) or the poll interval passed, and then sends what is due.
 */
@Component
class MailSenders implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MailSenders.class);

  private final MailDelivery delivery;
  private final MailDeliveryProperties properties;
  private final Semaphore wakeUps = new Semaphore(0);
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  MailSenders(MailDelivery delivery, MailDeliveryProperties properties) {
    this.delivery = delivery;
    this.properties = properties;
  }

  /** New mail was committed: an idle sender looks now rather than at its next poll. */
  void wake() {
    if (wakeUps.availablePermits() < properties.senders()) {
      wakeUps.release();
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    for (int i = 1; i <= properties.senders(); i++) {
      Thread sender = new Thread(this::sendWhileRunning, "mail-sender-" + i);
      sender.setDaemon(true);
      sender.start();
      threads.add(sender);
    }
  }

  private void sendWhileRunning() {
    while (running) {
      try {
        if (!delivery.sendBatch()) {
          wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // e.g. the database is unreachable: one line, then wait a poll interval before the next look
        LOG.warn("Mail sender could not look for due e-mails: {}", e.getMessage());
        LOG.debug("Mail sender failure", e);
        sleepQuietly();
      }
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(properties.pollInterval().toMillis());
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    threads.forEach(Thread::interrupt);
    for (Thread sender : threads) {
      try {
        sender.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
