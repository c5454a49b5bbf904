package org.jointactivities.rules;

import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two people complete tasks of one process at the same moment — both agencies' reviewers approve in
 * the same second — and the engine's optimistic locking fails the later commit, although neither
 * did anything wrong: each completion also touches rows of the instance the other changed (the other
 * review task hears of the decision, the join's executions). A completion is run again, in a new
 * transaction, when that happens — or when the database broke a deadlock between the two — and the
 * second run sees the other's committed work and goes through.
 * Only completions are retried (they hold the person's input and are whole commands), and only when
 * the engine's transaction is the outermost, so that nothing of the failed run survives.
 *
 * <p>A list of tasks read while one of them is completed meets the same moment from the other side:
 * the engine computes each task's form from its process's variables (a joint review's form depends on
 * its subject), and a task whose process moved on in between has none, so the read failed with
 * "Unknown property used in expression" and Tasklist's list or the REST API answered 500. Such a read is
 * run again once; the second sees the completed task gone.
 */
final class ConcurrentCompletionRetry {

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentCompletionRetry.class);
  private static final int ATTEMPTS = 3;
  private static final Set<String> COMPLETIONS = Set.of("SubmitTaskFormCmd", "CompleteTaskCmd");
  /** Task lists: the REST API's and Tasklist's filters, which compute each listed task's form. */
  private static final Set<String> TASK_READS = Set.of("TaskQueryImpl", "ExecuteFilterListCmd", "ExecuteFilterListPageCmd",
      "ExecuteFilterSingleResultCmd");
  private static final Set<String> RETRY_STATES = Set.of("40P01", "40001");

  private ConcurrentCompletionRetry() {}

  /**
   * The engine's optimistic-locking conflict, or the database breaking a deadlock or a serialization
   * conflict between the two (PostgreSQL's SQLSTATE 40P01 and 40001, which it says to retry).
   */
  static boolean isConcurrentChange(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof OptimisticLockingException
          || cause instanceof SQLException sql && RETRY_STATES.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A read's task whose process moved on while it was read: its form's expression finds no variables. */
  static boolean isVanishedTask(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause.getClass().getSimpleName().equals("PropertyNotFoundException")) {
        return true;
      }
    }
    return false;
  }

  static <T> T execute(Command<T> command, CommandExecutor next) {
    String kind = command.getClass().getSimpleName();
    boolean outermost = !TransactionSynchronizationManager.isActualTransactionActive();
    boolean completion = outermost && COMPLETIONS.contains(kind);
    boolean read = outermost && TASK_READS.contains(kind);
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(command);
      } catch (RuntimeException failure) {
        boolean again = completion && attempt < ATTEMPTS && isConcurrentChange(failure)
            || read && attempt == 1 && isVanishedTask(failure);
        if (!again) {
          throw failure;
        }
        LOG.debug("{} met a concurrent change; attempt {}", kind, attempt + 1, failure);
      }
    }
  }
}
