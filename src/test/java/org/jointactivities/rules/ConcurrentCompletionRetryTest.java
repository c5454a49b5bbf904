package org.jointactivities.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** Which failures of a completion are two people meeting, to be run again, and which are not. */
class ConcurrentCompletionRetryTest {

  @Test
  void anOptimisticLockingConflictOrADeadlockTheDatabaseBrokeIsRetried() {
    assertThat(ConcurrentCompletionRetry.isConcurrentChange(new OptimisticLockingException("updated concurrently"))).isTrue();
    assertThat(ConcurrentCompletionRetry.isConcurrentChange(new ProcessEngineException("ENGINE-03004",
        new PersistenceException(new SQLException("deadlock detected", "40P01"))))).isTrue();
    assertThat(ConcurrentCompletionRetry.isConcurrentChange(new ProcessEngineException("ENGINE-03004",
        new PersistenceException(new SQLException("could not serialize access", "40001"))))).isTrue();
  }

  @Test
  void anyOtherFailureIsNot() {
    assertThat(ConcurrentCompletionRetry.isConcurrentChange(new ProcessEngineException("ENGINE-03004",
        new PersistenceException(new SQLException("duplicate key", "23505"))))).isFalse();
    assertThat(ConcurrentCompletionRetry.isConcurrentChange(new InvalidInputException("Review", "reviewDecision", "is required")))
        .isFalse();
  }
}
