package org.jointactivities.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTimeoutException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** A web request failed by the database answers in words, with no SQL, and a status a client can act on. */
class ServerFailureWordingTest {

  static final String SQL = "Timeout trying to lock table \"REFERENCE_COUNTER\"; SQL statement: select c from reference_counter";

  @Test
  void aLockTimeoutInTheEngineIsServiceUnavailableInWords() {
    ProcessEngineException engine = new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation "
        + SQL, new PersistenceException(new SQLTimeoutException(SQL)));
    RestException answer = ServerFailureWording.of(engine).orElseThrow();
    assertThat(answer.getStatus().getStatusCode()).isEqualTo(503);
    assertThat(answer.getMessage()).isEqualTo(ServerFailureWording.UNAVAILABLE).doesNotContainIgnoringCase("sql")
        .doesNotContainIgnoringCase("reference_counter");
  }

  @Test
  void noConnectionToBeHadIsServiceUnavailableToo() {
    RestException answer = ServerFailureWording.of(
        new CannotCreateTransactionException("Could not open JPA EntityManager for transaction")).orElseThrow();
    assertThat(answer.getStatus().getStatusCode()).isEqualTo(503);
  }

  @Test
  void aConcurrentChangeIsAConflictToReloadAndRetry() {
    RestException answer = ServerFailureWording.of(new OptimisticLockingException(
        "ENGINE-03005 Execution of 'UPDATE TaskEntity[42]' failed. Entity was updated by another transaction concurrently."))
        .orElseThrow();
    assertThat(answer.getStatus().getStatusCode()).isEqualTo(409);
    assertThat(answer.getMessage()).contains("Reload and try again").doesNotContain("UPDATE");
  }

  @Test
  void aRefusalOrAnyOtherFailureKeepsItsOwnAnswer() {
    assertThat(ServerFailureWording.of(new ProcessEngineException("No task with id 42"))).isEmpty();
    assertThat(ServerFailureWording.of(new IllegalArgumentException("bad"))).isEmpty();
  }
}
