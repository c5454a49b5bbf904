package org.jointactivities.rules;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The engine wraps what a task listener throws ("ENGINE-03051 There was an exception while
 * invoking the TaskListener. Message: '…'"). This outermost command interceptor hands the rule's
 * own exception to the caller instead, so Tasklist and REST clients read just the rule. The
 * transaction is rolled back either way. Work on a suspended activity's task is refused in the
 * same way, with words a person understands; a form asked for something that does not exist is not
 * found, not an engine failure, and so is work on a task someone has just completed. Refused
 * actions are logged to {@code security-audit}.
 */
@Component
class RuleViolationUnwrapping extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withUnwrapper(configuration, configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withUnwrapper(configuration, configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withUnwrapper(ProcessEngineConfigurationImpl configuration,
      List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new Unwrapper(configuration));
    if (existing != null) {
      interceptors.addAll(existing);
    }
    return interceptors;
  }

  static class Unwrapper extends CommandInterceptor {

    private static final Logger AUDIT = LoggerFactory.getLogger("security-audit");
    private static final Logger LOG = LoggerFactory.getLogger(RuleViolationUnwrapping.class);
    private final ProcessEngineConfigurationImpl configuration;

    Unwrapper(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      boolean outermost = Context.getCommandContext() == null; // a refusal is logged once, where it leaves the engine
      try {
        return outermost ? ConcurrentCompletionRetry.execute(command, next) : next.execute(command);
      } catch (ProcessEngineException e) {
        ProcessEngineException rule = ruleBehind(e);
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        String who = user == null ? "(no user)" : PlainText.forLog(user.getUserId());
        if (!outermost) {
          throw rule;
        }

        if (rule instanceof AuthorizationException) { // our ActionRefusedException included
          // refused actions are security events: who tried what
          AUDIT.warn("Refused {}: {}", who, PlainText.forLog(rule.getMessage()));
        } else if (rule instanceof RuleViolation) {
          LOG.info("Refused {}: {}", who, PlainText.forLog(rule.getMessage()));
        }
        if (rule instanceof InvalidInputException invalid && RequestContextHolder.getRequestAttributes() != null) {
          // the refusal of a web request: its answer names the fields by the form's labels
          RequestContextHolder.getRequestAttributes()
              .setAttribute(InvalidInputException.REQUEST_ATTRIBUTE, invalid, RequestAttributes.SCOPE_REQUEST);
        }
        if (rule == e && inWebRequest()) {
          throw ServerFailureWording.of(e).or(() -> TaskGone.of(e, configuration.getTaskService())).orElseThrow(() -> e);
        }
        throw rule;
      } catch (NullPointerException e) {
        if (command.getClass().getSimpleName().startsWith("GetDeployed")) {
          // 7.24 checks the caller's rights on a task or definition before it looks whether there is one
          throw new NotFoundException("There is no such task or process definition, or it has no form");
        }
        throw e;
      } catch (RuntimeException e) {
        // e.g. no connection to be had: Spring's exceptions are no engine exceptions
        if (outermost && inWebRequest()) {
          throw ServerFailureWording.of(e).orElseThrow(() -> e);
        }
        throw e;
      }
    }

    private static boolean inWebRequest() {
      return RequestContextHolder.getRequestAttributes() != null;
    }

    static ProcessEngineException ruleBehind(ProcessEngineException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof RuleViolation && cause instanceof ProcessEngineException rule) {
          return rule;
        }
        if (cause instanceof SuspendedEntityInteractionException) {
          // only a manager's suspension suspends our instances: say so rather than "ENGINE-03043 … is suspended"
          return new ActionRefusedException("A manager has suspended this activity: its tasks can be worked on "
              + "again once a manager resumes it");
        }
      }
      return e;
    }
  }
}
