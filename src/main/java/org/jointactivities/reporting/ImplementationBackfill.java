package org.jointactivities.reporting;

import org.camunda.bpm.engine.RuntimeService;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.identity.AsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Activities signed before implementation tracking existed have no implementation yet: on start,
 * each signed activity without a running ActivityImplementation gets one, so it is activated and
 * reported on like any other. Does nothing once every signed activity has one.
 */
@Component
class ImplementationBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(ImplementationBackfill.class);

  private final ActivityRegistry registry;
  private final StartImplementation starter;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  private final TransactionTemplate transaction;

  ImplementationBackfill(ActivityRegistry registry, StartImplementation starter, RuntimeService runtime,
      AsSystem asSystem, TransactionTemplate transaction) {
    this.registry = registry;
    this.starter = starter;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.transaction = transaction;
  }

  @EventListener(ApplicationReadyEvent.class)
  void startMissingImplementations() {
    for (JointActivity activity : registry.inState(ActivityState.SIGNED)) {
      boolean tracked = asSystem.call(() -> runtime.createProcessInstanceQuery().processDefinitionKey("ActivityImplementation")
          .processInstanceBusinessKey(activity.getReference()).count() > 0);
      if (!tracked) {
        transaction.executeWithoutResult(status -> starter.start(activity));
        LOG.info("Started the implementation of {}, signed before implementation tracking", activity.getReference());
      }
    }
  }
}
