package org.jointactivities.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.notification.MailDelivery;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.AuditEntry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.task.TaskCatalog;
import org.jointactivities.task.TaskFormValues;
import org.springframework.boot.test.context.TestComponent;

/**
 * Drives proposals the way people do in Tasklist: each step as a named demo user, through the
 * engine's form service, with the engine's authorization checks applying.
 */
@TestComponent
public class Scenario {

  private final IdentityService identity;
  private final FormService forms;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final RepositoryService repository;
  private final ActivityRegistry registry;
  private final JointActivityRepository activities;
  private final TaskCatalog catalog;
  private final MailDelivery mails;
  private final TaskFormValues formValues;

  public Scenario(IdentityService identity, FormService forms, TaskService tasks, RuntimeService runtime,
      ManagementService management, RepositoryService repository, ActivityRegistry registry,
      JointActivityRepository activities, TaskCatalog catalog, MailDelivery mails, TaskFormValues formValues) {
    this.formValues = formValues;
    this.catalog = catalog;
    this.mails = mails;
    this.identity = identity;
    this.forms = forms;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.repository = repository;
    this.registry = registry;
    this.activities = activities;
  }

  /** Runs work as the user, with their groups, as the webapps and the REST API do. */
  public <T> T as(String userId, Supplier<T> work) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public void as(String userId, Runnable work) {
    as(userId, () -> {
      work.run();
      return null;
    });
  }

  /** A user with the demo password in the given groups, e.g. someone who wears two hats. */
  public void person(String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setPassword("demo");
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(id, group);
    }
  }

  public ProcessInstance submit(String officer, Map<String, Object> proposal) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("JointActivityProposal")
        .latestVersion().singleResult().getId();
    return as(officer, () -> forms.submitStartForm(definitionId, proposal));
  }

  public ProcessInstance submitValid() {
    return submit("unodc-officer", Proposals.valid());
  }

  /**
   * The joint review's one task, by the subject under review: the tests say {@code Task_ReviewProposal},
   * {@code Task_ReviewProgressReport} or {@code Task_ReviewAmendment} for the review of that subject.
   */
  private static final Map<String, String> REVIEWS = Map.of("Task_ReviewProposal", "proposal",
      "Task_ReviewProgressReport", "progress-report", "Task_ReviewAmendment", "amendment");

  /** The open task of a step, for one agency where the step runs per agency. */
  public Task task(ProcessInstance proposal, String taskKey, String agency) {
    String subject = REVIEWS.get(taskKey);
    String key = subject == null ? taskKey : "Task_ReviewSubject";
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(proposal.getBusinessKey())
        .taskDefinitionKey(key).list();
    return open.stream()
        .filter(task -> subject == null || subject.equals(tasks.getVariable(task.getId(), "reviewSubject")))
        .filter(task -> agency == null || agency.equals(tasks.getVariable(task.getId(),
            catalog.property(task.getProcessDefinitionId(), key, TaskCatalog.AGENCY_VARIABLE))))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No open task " + taskKey + " for " + agency + "; open: " + open));
  }

  /** A value as the task's form reads it: what its rules show, else a variable (the task's own, else its process's). */
  public Object variable(Task task, String name) {
    TypedValue shown = formValues.of(task.getId()).get(name);
    return shown != null ? shown.getValue() : tasks.getVariable(task.getId(), name);
  }

  public List<Task> openTasks(ProcessInstance proposal) {
    return tasks.createTaskQuery().processInstanceBusinessKey(proposal.getBusinessKey()).list();
  }

  public void complete(String userId, Task task, Map<String, Object> values) {
    as(userId, () -> forms.submitTaskForm(task.getId(), values));
  }

  public void claim(String userId, Task task) {
    as(userId, () -> tasks.claim(task.getId(), userId));
  }

  public void review(ProcessInstance proposal, String reviewer, String agency, String decision, String comment) {
    complete(reviewer, task(proposal, "Task_ReviewProposal", agency),
        comment == null ? Map.of("reviewDecision", decision) : Map.of("reviewDecision", decision, "reviewComment", comment));
    runJobs();
  }

  public void approveBoth(ProcessInstance proposal) {
    review(proposal, "unodc-reviewer", "UNODC", "APPROVE", null);
    review(proposal, "iom-reviewer", "IOM", "APPROVE", null);
  }

  public void sign(ProcessInstance proposal, String signatory, String agency) {
    complete(signatory, task(proposal, "Task_SignActivity", agency), Map.of("signDecision", "SIGN", "signatureAttested", true));
    runJobs();
  }

  public void decline(ProcessInstance proposal, String signatory, String agency, String followUp) {
    complete(signatory, task(proposal, "Task_SignActivity", agency), Map.of("signDecision", "DECLINE",
        "declineReason", "The budget lacks a breakdown", "declineFollowUp", followUp));
    runJobs();
  }

  /** A proposal taken to signature by the demo users: its implementation starts. */
  public ProcessInstance signedActivity(Map<String, Object> proposal) {
    ProcessInstance submitted = submit("unodc-officer", proposal);
    approveBoth(submitted);
    sign(submitted, "unodc-signatory-pm", "UNODC");
    sign(submitted, "iom-signatory-pm", "IOM");
    return submitted;
  }

  /** The running implementation of a signed activity. */
  public ProcessInstance implementation(ProcessInstance proposal) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("ActivityImplementation")
        .processInstanceBusinessKey(proposal.getBusinessKey()).singleResult();
  }

  /** Moves the engine's clock, e.g. to "2027-04-01T08:00:00Z", and runs what is due then. */
  public void at(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    runJobs();
  }

  public void submitReport(ProcessInstance activity, String officer, Map<String, Object> report) {
    complete(officer, task(activity, "Task_SubmitProgressReport", null), report);
    runJobs();
  }

  public void reviewReport(ProcessInstance activity, String reviewer, String agency, String decision, String feedback) {
    complete(reviewer, task(activity, "Task_ReviewProgressReport", agency), feedback == null
        ? Map.of("reviewDecision", decision) : Map.of("reviewDecision", decision, "reviewComment", feedback));
    runJobs();
  }

  public void acceptReport(ProcessInstance activity) {
    reviewReport(activity, "unodc-reviewer", "UNODC", "ACCEPT", null);
    reviewReport(activity, "iom-reviewer", "IOM", "ACCEPT", null);
  }

  public ProcessInstance requestAmendment(String officer, Map<String, Object> form) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("ActivityAmendment")
        .latestVersion().singleResult().getId();
    return as(officer, () -> forms.submitStartForm(definitionId, form));
  }

  public void reviewAmendment(ProcessInstance activity, String reviewer, String agency, String decision, String comment) {
    complete(reviewer, task(activity, "Task_ReviewAmendment", agency), comment == null
        ? Map.of("reviewDecision", decision) : Map.of("reviewDecision", decision, "reviewComment", comment));
    runJobs();
  }

  /** Runs every job that is due now (async continuations, due timers, e-mails), as the job executor would. */
  public void runJobs() {
    int failures = runJobsCountingFailures();
    if (failures > 0) {
      throw new AssertionError(failures + " job(s) failed; see the log");
    }
  }

  /**
   * Like the job executor: a failing job is retried later (the engine notes the failure), the others
   * go on; then, like the mail senders, sends the e-mails that are due. Answers the failed attempts.
   */
  public int runJobsCountingFailures() {
    int failures = 0;
    List<String> failed = new ArrayList<>();
    for (int guard = 0; guard < 100; guard++) {
      List<Job> due = management.createJobQuery().executable().list().stream()
          .filter(job -> !failed.contains(job.getId())).toList();
      if (due.isEmpty()) {
        return failures + mails.sendDue();
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          failures++;
          failed.add(job.getId());
        }
      }
    }
    throw new AssertionError("Jobs keep coming: a loop in the models?");
  }

  public JointActivity activity(ProcessInstance proposal) {
    return activities.findByReference(proposal.getBusinessKey()).orElseThrow();
  }

  public List<AuditEntry> audit(ProcessInstance proposal) {
    return registry.auditTrail(activity(proposal).getId());
  }

  public List<AuditAction> auditActions(ProcessInstance proposal) {
    return audit(proposal).stream().map(AuditEntry::getAction).toList();
  }

  /** No task waits, and no process of the activity runs but (once signed) its implementation. */
  public void assertNoOpenTasks(ProcessInstance proposal) {
    assertThat(openTasks(proposal)).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(proposal.getBusinessKey()).list())
        .allMatch(instance -> instance.getProcessDefinitionId().startsWith("ActivityImplementation:"));
  }
}
