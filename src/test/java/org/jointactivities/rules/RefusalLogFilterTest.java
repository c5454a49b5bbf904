package org.jointactivities.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** The engine's ERROR for a command that failed is dropped when a rule refused, and kept for real failures. */
class RefusalLogFilterTest {

  private final RefusalLogFilter filter = new RefusalLogFilter();
  private final LoggerContext context = new LoggerContext();
  private final Logger engine = context.getLogger(RefusalLogFilter.ENGINE_CONTEXT);

  @Test
  void aRefusalIsNotLoggedAgainByTheEngine() {
    RuntimeException refusal = new ProcessEngineException("ENGINE-03051 listener failed",
        new InvalidInputException("Proposal", "totalBudget", "must equal the sum of the agencies' contributions"));
    assertThat(decide(engine, null, refusal)).isEqualTo(FilterReply.DENY);
    assertThat(decide(engine, refusal, null)).isEqualTo(FilterReply.DENY);
    assertThat(decide(engine, new ActionRefusedException("Four-eyes rule"), null)).isEqualTo(FilterReply.DENY);
  }

  @Test
  void aRealFailureAndOtherLoggersAreLeftAlone() {
    assertThat(decide(engine, null, new IllegalStateException("the database is gone"))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(decide(context.getLogger("org.jointactivities.proposal"), null,
        new InvalidInputException("Proposal", "title", "is required"))).isEqualTo(FilterReply.NEUTRAL);
  }

  private FilterReply decide(Logger logger, Throwable thrown, Throwable parameter) {
    return filter.decide(null, logger, Level.ERROR, "ENGINE-16004 Exception while closing command context: {}",
        parameter == null ? new Object[0] : new Object[] {parameter.getMessage(), parameter}, thrown);
  }
}
