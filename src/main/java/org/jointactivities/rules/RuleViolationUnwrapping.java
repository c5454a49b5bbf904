package org.jointactivities.rules;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps what a task listener throws ("ENGINE-03051 There was an exception while
 * invoking the TaskListener. Message: '…'"). This outermost command interceptor hands the rule's
 * own exception to the caller instead, so Tasklist and REST clients read just the rule. The
 * transaction is rolled back either way.
 */
@Component
class RuleViolationUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(withUnwrapper(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(withUnwrapper(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withUnwrapper(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new Unwrapper());
    if (existing != null) {
      interceptors.addAll(existing);
    }
    return interceptors;
  }

  static class Unwrapper extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        throw ruleBehind(e);
      }
    }

    static ProcessEngineException ruleBehind(ProcessEngineException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof RuleViolationException rule) {
          return rule;
        }
      }
      return e;
    }
  }
}
