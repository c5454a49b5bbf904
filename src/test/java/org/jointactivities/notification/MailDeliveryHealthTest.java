package org.jointactivities.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.transaction.CannotCreateTransactionException;

/** The mail queue lives in the database: without it, the indicator answers UNKNOWN instead of failing the health call. */
class MailDeliveryHealthTest {

  @Test
  void withoutTheDatabaseTheMailQueueIsUnknownNotAServerError() {
    NotificationRepository notifications = mock(NotificationRepository.class);
    when(notifications.countByNextAttemptAtIsNotNull())
        .thenThrow(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"));

    Health health = new MailDeliveryHealth(mock(MailDelivery.class), mock(NotificationOperations.class), notifications).health();

    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(health.getDetails().get("error").toString()).contains("database cannot be reached");
  }
}
