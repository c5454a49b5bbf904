package org.jointactivities.exchange;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.support.Scenario;

/** Information exchanges as the tests drive them: the request form as Tasklist submits it, and each task's submission. */
class Exchanges {

  private final Scenario scenario;
  private final FormService forms;
  private final RepositoryService repository;
  private final TaskService tasks;

  Exchanges(Scenario scenario, FormService forms, RepositoryService repository, TaskService tasks) {
    this.scenario = scenario;
    this.forms = forms;
    this.repository = repository;
    this.tasks = tasks;
  }

  /** IOM asks UNODC for a route analysis: internal, no personal data, needed in a month. */
  static Map<String, Object> routeAnalysis(LocalDate today) {
    Map<String, Object> form = new HashMap<>();
    form.put("providingAgency", "UNODC");
    form.put("subject", "Route analysis: Horn of Africa to Libya");
    form.put("question", "Your latest analysis of smuggling routes from the Horn of Africa to Libya.");
    form.put("purpose", "To plan the 2027 border-management training in Sudan.");
    form.put("neededBy", today.plusMonths(1).toString());
    form.put("countries", "[\"SD\",\"LY\",\"ET\"]");
    form.put("themes", "[\"SMUGGLING_OF_MIGRANTS\"]");
    form.put("classification", "INTERNAL");
    form.put("personalData", false);
    return form;
  }

  /** Data on smuggled migrants at a border: personal data, confidential. */
  static Map<String, Object> migrantData(LocalDate today) {
    Map<String, Object> form = routeAnalysis(today);
    form.put("subject", "Smuggled migrants intercepted at Metema");
    form.put("question", "Anonymised case files of migrants intercepted at Metema in 2026.");
    form.put("classification", "CONFIDENTIAL");
    form.put("personalData", true);
    form.put("legalBasis", "IOM Data Protection Principles, purpose specification; UNODC-IOM agreement, art. 4.");
    form.put("protectionMeasures", "Kept on IOM's encrypted case system, read by the protection unit only, deleted after 6 months.");
    return form;
  }

  ProcessInstance request(String officer, Map<String, Object> form) {
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("InformationExchange")
        .latestVersion().singleResult().getId();
    ProcessInstance exchange = scenario.as(officer, () -> forms.submitStartForm(definitionId, form));
    scenario.runJobs();
    return exchange;
  }

  Task task(ProcessInstance exchange, String taskKey) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(exchange.getId()).taskDefinitionKey(taskKey).list();
    if (open.size() != 1) {
      throw new AssertionError("Expected one open " + taskKey + ", found " + open);
    }
    return open.get(0);
  }

  void triage(ProcessInstance exchange, String focalPoint, String decision, String comment) {
    Map<String, Object> values = new HashMap<>();
    values.put("triageDecision", decision);
    if (comment != null) {
      values.put("triageComment", comment);
    }
    scenario.complete(focalPoint, task(exchange, "Task_TriageRequest"), values);
    scenario.runJobs();
  }

  void clarify(ProcessInstance exchange, String requester, String text) {
    scenario.complete(requester, task(exchange, "Task_ClarifyRequest"), Map.of("clarification", text));
    scenario.runJobs();
  }

  void prepare(ProcessInstance exchange, String preparer, String text, String recipientsJson) {
    Map<String, Object> values = new HashMap<>();
    values.put("answerText", text);
    values.put("handlingInstructions", "Not to be shared beyond the named recipients.");
    values.put("answerRecipients", recipientsJson);
    scenario.complete(preparer, task(exchange, "Task_PrepareAnswer"), values);
    scenario.runJobs();
  }

  void clearance(ProcessInstance exchange, String dataProtection, String decision, String comment) {
    Map<String, Object> values = new HashMap<>();
    values.put("clearanceDecision", decision);
    if (comment != null) {
      values.put("clearanceComment", comment);
    }
    scenario.complete(dataProtection, task(exchange, "Task_ClearAnswer"), values);
    scenario.runJobs();
  }

  void acknowledge(ProcessInstance exchange, String requester) {
    scenario.complete(requester, task(exchange, "Task_AcknowledgeReceipt"), Map.of("receiptAcknowledged", true));
    scenario.runJobs();
  }
}
