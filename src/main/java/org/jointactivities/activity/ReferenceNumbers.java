package org.jointactivities.activity;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out activity references {@code JA-<year>-<sequence>}. The year's counter row is locked
 * (SELECT ... FOR UPDATE), so several application nodes sharing a database never hand out the
 * same number; the lock is held only until the submitting transaction ends.
 */
@Component
class ReferenceNumbers {

  private final ReferenceCounterRepository counters;
  private final TransactionTemplate separateTransaction;

  ReferenceNumbers(ReferenceCounterRepository counters, PlatformTransactionManager transactionManager) {
    this.counters = counters;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  String next(int year) {
    ReferenceCounter counter = counters.lockYear(year).orElseGet(() -> createThenLock(year));
    return "JA-%d-%04d".formatted(year, counter.next());
  }

  /** The first submission of a year creates the row in its own transaction; a racing node's row is as good. */
  private ReferenceCounter createThenLock(int year) {
    try {
      separateTransaction.executeWithoutResult(status -> counters.saveAndFlush(new ReferenceCounter(year)));
    } catch (DataIntegrityViolationException createdByAnotherNode) {
      // the row exists now, which is all we need
    }
    return counters.lockYear(year).orElseThrow();
  }
}
