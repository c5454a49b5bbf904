package org.jointactivities.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.junit.jupiter.api.Test;

/** Which failures of a completion or a task list are two people meeting, to be run again, and which are not. */
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
  void aTaskListThatMeetsATaskCompletedMeanwhileIsReadOnceMore() {
    ProcessEngineException vanished = new ProcessEngineException(
        "Unknown property used in expression: ${jointReviews.form(reviewSubject)}. Cause: Cannot resolve identifier 'reviewSubject'",
        new PropertyNotFoundException("Cannot resolve identifier 'reviewSubject'"));
    assertThat(ConcurrentCompletionRetry.isVanishedTask(vanished)).isTrue();
    int[] runs = {0};
    TaskQueryImpl list = new TaskQueryImpl();
    CommandExecutor failingOnce = new CommandExecutor() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T execute(Command<T> command) {
        if (runs[0]++ == 0) {
          throw vanished;
        }
        return (T) java.util.List.of();
      }
    };
    assertThat(ConcurrentCompletionRetry.execute(list, failingOnce)).isEqualTo(java.util.List.of());
    assertThat(runs[0]).isEqualTo(2);

    // a completion is not run again for it (it is a wrong input, not a meeting), nor a list twice
    runs[0] = 0;
    CompleteTaskCmd completion = new CompleteTaskCmd("task", java.util.Map.of());
    assertThatThrownBy(() -> ConcurrentCompletionRetry.execute(completion, failingOnce)).isSameAs(vanished);
    CommandExecutor alwaysFailing = new CommandExecutor() {
      @Override
      public <T> T execute(Command<T> command) {
        runs[0]++;
        throw vanished;
      }
    };
    runs[0] = 0;
    assertThatThrownBy(() -> ConcurrentCompletionRetry.execute(list, alwaysFailing)).isSameAs(vanished);
    assertThat(runs[0]).isEqualTo(2);
  }

  @Test
  void anyOtherFailureIsNot() {
    assertThat(ConcurrentCompletionRetry.isConcurrentChange(new ProcessEngineException("ENGINE-03004",
        new PersistenceException(new SQLException("duplicate key", "23505"))))).isFalse();
    assertThat(ConcurrentCompletionRetry.isConcurrentChange(new InvalidInputException("Review", "reviewDecision", "is required")))
        .isFalse();
  }
}
