package org.jointactivities.browser;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * For a class whose tests are the steps of one story: once a step fails, the later steps are not
 * run (they would only wait for what the failed step did not do); the failure is the one reported.
 */
class StepByStep implements TestWatcher, ExecutionCondition {

  private static final ExtensionContext.Namespace STORY = ExtensionContext.Namespace.create(StepByStep.class);

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    story(context).put("failed", context.getDisplayName());
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      return ConditionEvaluationResult.enabled("a class");
    }
    Optional<String> failed = Optional.ofNullable(story(context).get("failed", String.class));
    return failed.map(step -> ConditionEvaluationResult.disabled("an earlier step failed: " + step))
        .orElse(ConditionEvaluationResult.enabled("the earlier steps passed"));
  }

  private static ExtensionContext.Store story(ExtensionContext context) {
    ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
    return classContext.getStore(STORY);
  }
}
