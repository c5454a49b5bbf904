package org.jointactivities.rules;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.slf4j.Marker;

/**
 * The engine logs every exception that leaves a command as an ERROR with its stack trace
 * ("ENGINE-16004 Exception while closing command context"), a rule's refusal of bad input included.
 * A refusal is no failure of the application: it is logged once, in words, where it is refused
 * (RuleViolationUnwrapping), and this filter drops the engine's ERROR for it. Registered in
 * logback-spring.xml.
 */
public class RefusalLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !ENGINE_CONTEXT.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    if (isRefusal(t)) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable thrown && isRefusal(thrown)) {
          return FilterReply.DENY;
        }
      }
    }
    return FilterReply.NEUTRAL;
  }

  static boolean isRefusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof RuleViolation || cause instanceof SuspendedEntityInteractionException) {
        return true;
      }
    }
    return false;
  }
}
