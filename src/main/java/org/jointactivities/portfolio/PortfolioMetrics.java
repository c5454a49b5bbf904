package org.jointactivities.portfolio;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.identity.AsSystem;
import org.springframework.stereotype.Component;

/** Operations metrics: {@code ja.activities} by state and {@code ja.tasks.overdue} (Prometheus at /actuator/prometheus). */
@Component
class PortfolioMetrics implements MeterBinder {

  private final JointActivityRepository activities;
  private final TaskService tasks;
  private final AsSystem asSystem;

  PortfolioMetrics(JointActivityRepository activities, TaskService tasks, AsSystem asSystem) {
    this.activities = activities;
    this.tasks = tasks;
    this.asSystem = asSystem;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ActivityState state : ActivityState.values()) {
      Gauge.builder("ja.activities", activities, repository -> repository.countByState(state))
          .tag("state", state.name()).description("Joint activities in each state").register(registry);
    }
    Gauge.builder("ja.tasks.overdue", this, metrics -> metrics.overdue())
        .description("Open tasks past their due date").register(registry);
  }

  private long overdue() {
    return asSystem.call(() -> tasks.createTaskQuery().active().dueBefore(ClockUtil.getCurrentTime()).count());
  }
}
