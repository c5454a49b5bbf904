package org.jointactivities.reporting;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
    List<JointActivity> signed = registry.inState(ActivityState.SIGNED);
    Set<String> registered = signed.stream().map(JointActivity::getProcessInstanceId).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    // once started, the registry points at the implementation: one query finds those that run
    Set<String> running = registered.isEmpty() ? Set.of() : asSystem.call(() -> runtime.createProcessInstanceQuery()
        .processDefinitionKey("ActivityImplementation").processInstanceIds(registered).list()).stream()
        .map(ProcessInstance::getId).collect(Collectors.toSet());
    for (JointActivity activity : signed) {
      if (activity.getProcessInstanceId() == null || !running.contains(activity.getProcessInstanceId())) {
        transaction.executeWithoutResult(status -> starter.start(activity));
        LOG.info("Started the implementation of {}, signed before implementation tracking", activity.getReference());
      }
    }
  }
}
