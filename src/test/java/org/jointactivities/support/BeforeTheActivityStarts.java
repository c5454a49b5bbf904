package org.jointactivities.support;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test with the engine's clock before {@link Proposals#valid()}'s planned start, so an
 * activity signed in the test stays {@code SIGNED} instead of becoming active at once — whatever
 * the real date on the machine that runs the suite.
 */
public class BeforeTheActivityStarts implements BeforeEachCallback, AfterEachCallback {

  public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @Override
  public void beforeEach(ExtensionContext context) {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }
}
