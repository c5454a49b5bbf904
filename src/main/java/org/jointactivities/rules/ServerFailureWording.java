package org.jointactivities.rules;

import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * What a person reads when the database, not their input, failed a web request: a sentence that
 * says nothing was saved and what to do, with the right status — 409 when someone changed the same
 * thing at the same moment, 503 when the database failed or was too busy, or the directory of people
 * (LDAP) could not be reached — never the engine's or
 * the driver's message, which carry SQL and table names. The failure itself goes to the log, one
 * line (the stack trace at debug level). Work outside web requests (jobs) keeps its exception, so
 * that operators see it on the failed job.
 */
final class ServerFailureWording {

  private static final Logger LOG = LoggerFactory.getLogger(ServerFailureWording.class);

  static final String CONFLICT = "Someone else changed this at the same moment, so nothing was saved. "
      + "Reload and try again.";
  static final String UNAVAILABLE = "The database could not complete this just now, so nothing was saved. "
      + "Please try again in a moment; if it keeps happening, tell your administrator.";

  /** Also what a login is answered: "nothing was changed" fits a sign-in and an action alike. */
  static final String DIRECTORY_UNAVAILABLE = "The directory that holds people and their groups cannot be reached "
      + "just now, so this could not be done and nothing was changed. Please try again in a moment; if it keeps "
      + "happening, tell your administrator.";

  private ServerFailureWording() {}

  /** The answer for a failed web request, when the failure is the database's. */
  static Optional<RestException> of(RuntimeException failure) {
    if (failure instanceof OptimisticLockingException) {
      log("Concurrent change", failure);
      return Optional.of(new RestException(Status.CONFLICT, CONFLICT));
    }
    if (isDirectoryFailure(failure)) {
      log("Directory failure", failure);
      return Optional.of(new RestException(Status.SERVICE_UNAVAILABLE, DIRECTORY_UNAVAILABLE));
    }
    if (isDatabaseFailure(failure)) {
      log("Database failure", failure);
      return Optional.of(new RestException(Status.SERVICE_UNAVAILABLE, UNAVAILABLE));
    }
    return Optional.empty();
  }

  /** Also behind a task listener's wrapping (a rule or a mail asking who holds a role). */
  private static boolean isDirectoryFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof IdentityProviderException) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDatabaseFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLException || cause instanceof DataAccessException || cause instanceof TransactionException
          || cause instanceof org.apache.ibatis.exceptions.PersistenceException
          || cause instanceof jakarta.persistence.PersistenceException) {
        return true;
      }
    }
    return false;
  }

  private static void log(String what, RuntimeException failure) {
    LOG.warn("{} answered in words to a web request: {}", what, PlainText.failureOf(failure));
    LOG.debug(what, failure);
  }
}
