package org.jointactivities.document;

import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.reporting.ProgressReportRepository;
import org.jointactivities.reporting.ProgressReports;
import org.jointactivities.task.TaskCatalog;
import org.springframework.stereotype.Component;

/**
 * Where documents attached in a task belong, as the task's model says ({@code attachDocumentsTo}):
 * the revision adds to the activity, a progress report to that period's report. Other tasks (reviews,
 * signatures) and tasks already done show the documents read-only.
 */
@Component
class AttachInTask {

  static final String PROGRESS_REPORT = "progress-report";

  private final TaskService tasks;
  private final TaskCatalog catalog;
  private final AsSystem asSystem;
  private final ProgressReportRepository reports;

  AttachInTask(TaskService tasks, TaskCatalog catalog, AsSystem asSystem, ProgressReportRepository reports) {
    this.tasks = tasks;
    this.catalog = catalog;
    this.asSystem = asSystem;
    this.reports = reports;
  }

  /** The {@code attachedTo} of a document attached in the open task, or empty where it attaches nothing. */
  Optional<String> target(String taskId) {
    Task task = asSystem.call(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null) {
      return Optional.empty();
    }
    String target = catalog.property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), TaskCatalog.ATTACH_DOCUMENTS_TO);
    if (PROGRESS_REPORT.equals(target)) {
      // the task's own report (the process's period counter has moved on to the next period by then)
      Object reportId = asSystem.call(() -> tasks.getVariable(taskId, ProgressReports.REPORT_ID));
      return reportId instanceof Number id
          ? reports.findById(id.longValue()).map(report -> PROGRESS_REPORT + "-" + report.getPeriodNumber()) : Optional.empty();
    }
    return Optional.ofNullable(target);
  }
}
