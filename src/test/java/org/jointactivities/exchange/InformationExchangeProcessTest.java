package org.jointactivities.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.jointactivities.exchange.ExchangeAction.ACCEPTED;
import static org.jointactivities.exchange.ExchangeAction.ACKNOWLEDGED;
import static org.jointactivities.exchange.ExchangeAction.ANSWER_PREPARED;
import static org.jointactivities.exchange.ExchangeAction.CLARIFICATION_ASKED;
import static org.jointactivities.exchange.ExchangeAction.CLARIFIED;
import static org.jointactivities.exchange.ExchangeAction.CLEARANCE_REFUSED;
import static org.jointactivities.exchange.ExchangeAction.CLEARED;
import static org.jointactivities.exchange.ExchangeAction.DECLINED;
import static org.jointactivities.exchange.ExchangeAction.RELEASED;
import static org.jointactivities.exchange.ExchangeAction.REQUESTED;
import static org.jointactivities.exchange.ExchangeAction.TASK_OVERDUE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jointactivities.notification.MailSink;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.FieldProblem;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Mails;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of the InformationExchange model: accepted and answered, the clarification loop,
 * declined, clearance granted and refused, overdue, acknowledged; and every way a request or a
 * step can be wrong. IOM asks UNODC, on Monday 30 November 2026.
 */
@JointActivitiesTest
class InformationExchangeProcessTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  @Autowired ProcessEngine engine;
  @Autowired Scenario scenario;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired InformationRequests requests;
  @Autowired AnswerRetention retention;
  @Autowired MailSink sink;

  Exchanges exchanges;

  @BeforeEach
  void monday() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    exchanges = new Exchanges(scenario, forms, repository, tasks);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anInternalRequestIsAcceptedAnsweredWithoutClearanceAndAcknowledged() {
    ProcessInstance exchange = exchanges.request("iom-officer", Exchanges.routeAnalysis(TODAY));
    assertThat(exchange.getBusinessKey()).matches("IX-2026-\\d{4}");
    assertThat(exchange).isWaitingAt("Task_TriageRequest");
    Task triage = exchanges.task(exchange, "Task_TriageRequest");
    assertThat(tasks.getIdentityLinksForTask(triage.getId())).extracting("groupId").containsExactly("unodc-reviewers");
    assertThat(scenario.variable(triage, "subject")).isEqualTo("Route analysis: Horn of Africa to Libya");
    assertThat(scenario.variable(triage, "reference")).isEqualTo(exchange.getBusinessKey());
    // what was asked lives in the register, not in the process
    assertThat(engine.getRuntimeService().getVariables(exchange.getId())).doesNotContainKeys("question", "purpose", "subject");

    exchanges.triage(exchange, "unodc-reviewer", "ACCEPT", null);
    exchanges.prepare(exchange, "unodc-officer", "Three routes: via Metema, via Kassala, via the Red Sea coast.",
        "[\"iom-reviewer\"]");
    assertThat(exchange).hasPassed("Gateway_ClearanceNeeded", "Task_ReleaseAnswer").isWaitingAt("Task_AcknowledgeReceipt");
    assertThat(exchanges.task(exchange, "Task_AcknowledgeReceipt").getAssignee()).isEqualTo("iom-officer");

    exchanges.acknowledge(exchange, "iom-officer");
    assertThat(exchange).isEnded().hasPassed("EndEvent_ReceiptAcknowledged").hasNotPassed("Task_ClearAnswer");
    InformationRequest request = register(exchange);
    assertThat(request.getState()).isEqualTo(ExchangeState.ACKNOWLEDGED);
    assertThat(request.getRequester()).isEqualTo("iom-officer");
    assertThat(request.getRequestingAgency()).isEqualTo("IOM");
    assertThat(request.getAnsweredAt()).isNotNull();
    assertThat(requests.answerOf(request.getId()).orElseThrow().getRecipients())
        .containsExactlyInAnyOrder("iom-officer", "iom-reviewer");
    assertThat(actions(request)).containsExactly(REQUESTED, ACCEPTED, ANSWER_PREPARED, RELEASED, ACKNOWLEDGED);
  }

  @Test
  void theFocalPointsAskForClarificationUntilTheRequestIsClear() {
    ProcessInstance exchange = exchanges.request("iom-officer", Exchanges.routeAnalysis(TODAY));
    exchanges.triage(exchange, "unodc-reviewer", "CLARIFY", "Which years: 2025 only, or since 2020?");
    assertThat(exchange).isWaitingAt("Task_ClarifyRequest");
    Task clarify = exchanges.task(exchange, "Task_ClarifyRequest");
    assertThat(clarify.getAssignee()).isEqualTo("iom-officer");
    assertThat(scenario.variable(clarify, "clarificationQuestion")).isEqualTo("Which years: 2025 only, or since 2020?");
    // only the requester answers for the request: the task is theirs alone
    assertThatThrownBy(() -> scenario.complete("iom-officer2", clarify, Map.of("clarification", "2025")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("'iom-officer2' does not have");
    assertThatThrownBy(() -> scenario.complete("iom-officer", clarify, Map.of()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("clarification: is required");

    exchanges.clarify(exchange, "iom-officer", "Since 2023.");
    exchanges.triage(exchange, "unodc-reviewer", "CLARIFY", "Including the Red Sea crossings?");
    exchanges.clarify(exchange, "iom-officer", "Yes.");
    assertThat(scenario.variable(exchanges.task(exchange, "Task_TriageRequest"), "clarifications").toString())
        .contains("Which years", "Since 2023.", "Including the Red Sea crossings?", "Yes.");
    exchanges.triage(exchange, "unodc-reviewer", "ACCEPT", null);

    assertThat(exchange).isWaitingAt("Task_PrepareAnswer");
    InformationRequest request = register(exchange);
    assertThat(request.getClarificationRounds()).isEqualTo(2);
    assertThat(actions(request)).containsExactly(REQUESTED, CLARIFICATION_ASKED, CLARIFIED, CLARIFICATION_ASKED, CLARIFIED,
        ACCEPTED);
  }

  @Test
  void aDeclinedRequestEndsWithItsReason() {
    ProcessInstance exchange = exchanges.request("iom-officer", Exchanges.routeAnalysis(TODAY));
    Task triage = exchanges.task(exchange, "Task_TriageRequest");
    assertThatThrownBy(() -> scenario.complete("unodc-reviewer", triage, Map.of("triageDecision", "DECLINE")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("triageComment: is required when declining");
    assertThatThrownBy(() -> scenario.complete("unodc-reviewer", triage, Map.of("triageDecision", "MAYBE")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("triageDecision: must be ACCEPT, CLARIFY, DECLINE");
    // triage is the providing agency's focal points', not the requesting agency's
    assertThatThrownBy(() -> scenario.claim("iom-reviewer", triage)).isInstanceOf(RuntimeException.class);

    exchanges.triage(exchange, "unodc-reviewer", "DECLINE", "The analysis is under embargo until March.");
    assertThat(exchange).isEnded().hasPassed("EndEvent_RequestDeclined");
    InformationRequest request = register(exchange);
    assertThat(request.getState()).isEqualTo(ExchangeState.DECLINED);
    assertThat(request.getOutcomeReason()).isEqualTo("The analysis is under embargo until March.");
    assertThat(request.getClosedAt()).isNotNull();
    assertThat(actions(request)).containsExactly(REQUESTED, DECLINED);
  }

  @Test
  void personalDataIsClearedByDataProtectionNotByItsPreparer() {
    scenario.person("unodc-officer-dp", "unodc-officers", "unodc-data-protection");
    ProcessInstance exchange = exchanges.request("iom-officer", Exchanges.migrantData(TODAY));
    exchanges.triage(exchange, "unodc-reviewer", "ACCEPT", "We hold 2026's files.");
    exchanges.prepare(exchange, "unodc-officer-dp", "212 case files, anonymised; see annex.", "[]");
    assertThat(exchange).isWaitingAt("Task_ClearAnswer");
    Task clearance = exchanges.task(exchange, "Task_ClearAnswer");
    assertThat(tasks.getIdentityLinksForTask(clearance.getId())).extracting("groupId")
        .containsExactly("unodc-data-protection");
    assertThat(register(exchange).getState()).isEqualTo(ExchangeState.IN_CLEARANCE);

    assertThatThrownBy(() -> scenario.complete("unodc-officer-dp", clearance, Map.of("clearanceDecision", "CLEAR")))
        .isInstanceOf(ActionRefusedException.class).hasMessageContaining("Four-eyes rule: unodc-officer-dp prepared");
    assertThatThrownBy(() -> scenario.complete("unodc-reviewer", clearance, Map.of("clearanceDecision", "CLEAR")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("'unodc-reviewer' does not have");
    // nothing is released before the clearance
    assertThat(requests.answerOf(register(exchange).getId()).orElseThrow().getReleasedAt()).isNull();

    exchanges.clearance(exchange, "unodc-data-protection", "CLEAR", null);
    assertThat(exchange).hasPassed("Task_ClearAnswer", "Gateway_ClearanceOutcome", "Task_ReleaseAnswer").isWaitingAt("Task_AcknowledgeReceipt");
    ExchangeAnswer answer = requests.answerOf(register(exchange).getId()).orElseThrow();
    assertThat(answer.getClearedBy()).isEqualTo("unodc-data-protection");
    assertThat(answer.getReleasedAt()).isNotNull();
    assertThat(answer.getRecipients()).containsExactly("iom-officer");
    exchanges.acknowledge(exchange, "iom-officer");
    assertThat(exchange).isEnded();
    assertThat(actions(register(exchange))).containsExactly(REQUESTED, ACCEPTED, ANSWER_PREPARED, CLEARED, RELEASED,
        ACKNOWLEDGED);
  }

  @Test
  void aRefusedClearanceSendsTheAnswerBackToItsPreparerWithTheReason() {
    ProcessInstance exchange = exchanges.request("iom-officer", Exchanges.migrantData(TODAY));
    exchanges.triage(exchange, "unodc-reviewer", "ACCEPT", null);
    exchanges.prepare(exchange, "unodc-officer", "Case files with names.", "[]");
    Task clearance = exchanges.task(exchange, "Task_ClearAnswer");
    assertThatThrownBy(() -> scenario.complete("unodc-data-protection", clearance, Map.of("clearanceDecision", "REFUSE")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("clearanceComment: is required when refusing");
    exchanges.clearance(exchange, "unodc-data-protection", "REFUSE", "Remove the names: the legal basis covers anonymised data only.");

    assertThat(exchange).isWaitingAt("Task_PrepareAnswer");
    Task again = exchanges.task(exchange, "Task_PrepareAnswer");
    assertThat(scenario.as("unodc-officer", () -> scenario.variable(again, "clearanceRefusal")))
        .isEqualTo("Remove the names: the legal basis covers anonymised data only.");
    // the preparer starts from the last draft
    assertThat(scenario.as("unodc-officer", () -> scenario.variable(again, "answerText"))).isEqualTo("Case files with names.");
    exchanges.prepare(exchange, "unodc-officer", "Case files, anonymised.", "[]");
    exchanges.clearance(exchange, "unodc-data-protection", "CLEAR", null);
    assertThat(exchange).isWaitingAt("Task_AcknowledgeReceipt");
    assertThat(requests.answerOf(register(exchange).getId()).orElseThrow().getAnswerText()).isEqualTo("Case files, anonymised.");
    assertThat(actions(register(exchange))).containsExactly(REQUESTED, ACCEPTED, ANSWER_PREPARED, CLEARANCE_REFUSED,
        ANSWER_PREPARED, CLEARED, RELEASED);
  }

  @Test
  void anAnswerNeedsItsTextHandlingForConfidentialDataAndRecipientsOfTheRequestingAgency() {
    ProcessInstance exchange = exchanges.request("iom-officer", Exchanges.migrantData(TODAY));
    exchanges.triage(exchange, "unodc-reviewer", "ACCEPT", null);
    Task prepare = exchanges.task(exchange, "Task_PrepareAnswer");
    // the form offers the requesting agency's people, as Tasklist reads a list's options
    assertThat(String.valueOf(scenario.as("unodc-officer", () -> scenario.variable(prepare, "recipientChoices"))))
        .contains("{\"label\":\"IOM Reviewer (iom-reviewer)\",\"value\":\"iom-reviewer\"}").doesNotContain("unodc-");
    assertThatThrownBy(() -> scenario.complete("unodc-officer", prepare, Map.of("answerRecipients", "[\"unodc-manager\"]")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).getProblems()).extracting(FieldProblem::field)
            .containsExactly("answerText", "handlingInstructions", "answerRecipients"))
        .hasMessageContaining("'unodc-manager' is nobody of IOM");
    // the requesting agency's officers do not answer for the providing agency
    assertThatThrownBy(() -> scenario.claim("iom-reviewer", prepare)).isInstanceOf(RuntimeException.class);
    assertThat(exchange).isWaitingAt("Task_PrepareAnswer");
    assertThat(requests.answerOf(register(exchange).getId())).isEmpty();
  }

  @Test
  void theAcknowledgmentIsTheRequestersAndMustBeTicked() {
    ProcessInstance exchange = exchanges.request("iom-officer", Exchanges.routeAnalysis(TODAY));
    exchanges.triage(exchange, "unodc-reviewer", "ACCEPT", null);
    exchanges.prepare(exchange, "unodc-reviewer", "The routes.", "[]");
    Task acknowledgment = exchanges.task(exchange, "Task_AcknowledgeReceipt");
    assertThatThrownBy(() -> scenario.complete("iom-officer", acknowledgment, Map.of("receiptAcknowledged", false)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("receiptAcknowledged: must be ticked");
    assertThatThrownBy(() -> scenario.complete("iom-officer2", acknowledgment, Map.of("receiptAcknowledged", true)))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("'iom-officer2' does not have");
    // and one who may work on any task (an administrator) still is not the requester
    assertThatThrownBy(() -> scenario.complete("admin", acknowledgment, Map.of("receiptAcknowledged", true)))
        .isInstanceOf(ActionRefusedException.class).hasMessageContaining("only its requester, iom-officer");
    assertThat(exchange).isWaitingAt("Task_AcknowledgeReceipt");
  }

  @Test
  void anOverdueTriageIsRecordedAndTheAnswerIsDueWhenItIsNeeded() {
    ProcessInstance exchange = exchanges.request("iom-officer", Exchanges.routeAnalysis(TODAY));
    // five working days: due at the end of Monday 7 December
    assertThat(exchanges.task(exchange, "Task_TriageRequest").getDueDate())
        .isEqualTo(Date.from(Instant.parse("2026-12-07T23:59:59Z")));
    scenario.at("2026-12-08T00:00:01Z");
    assertThat(exchange).isWaitingAt("Task_TriageRequest");
    assertThat(actions(register(exchange))).containsExactly(REQUESTED, TASK_OVERDUE);
    assertThat(requests.trail(register(exchange).getId()).get(1).getAgency()).isEqualTo("UNODC");
    // the focal points are reminded, UNODC's managers alerted, as for every task
    assertThat(mails(exchange, "Overdue — ")).flatExtracting(Mails::to).containsExactly("unodc-reviewer@unodc.org");
    assertThat(mails(exchange, "Overdue in your agency")).flatExtracting(Mails::to).containsExactly("unodc-manager@unodc.org");

    exchanges.triage(exchange, "unodc-reviewer", "ACCEPT", null);
    assertThat(exchanges.task(exchange, "Task_PrepareAnswer").getDueDate())
        .isEqualTo(Date.from(TODAY.plusMonths(1).atTime(23, 59, 59).toInstant(ZoneOffset.UTC)));
  }

  @Test
  void aWrongRequestIsRefusedNamingEachFieldAndLeavesNoTrace() {
    long before = repository.createProcessDefinitionQuery().count();
    Map<String, Object> form = Exchanges.migrantData(TODAY);
    form.put("providingAgency", "IOM");
    form.put("neededBy", TODAY.toString());
    form.put("activityReference", "JA-1999-0001");
    form.put("countries", "[\"XX\"]");
    form.remove("legalBasis");
    form.put("themes", "[]");
    form.put("subject", " ");
    long started = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("InformationExchange")
        .count();

    assertThatThrownBy(() -> exchanges.request("iom-officer", form)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).getProblems()).extracting(FieldProblem::field)
            .containsExactly("providingAgency", "subject", "neededBy", "activityReference", "countries", "themes",
                "legalBasis"))
        .hasMessageContaining("providingAgency: must be another agency than yours (IOM)")
        .hasMessageContaining("neededBy: must be after today")
        .hasMessageContaining("activityReference: no joint activity has the reference 'JA-1999-0001'")
        .hasMessageContaining("legalBasis: is required when personal data is involved");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("InformationExchange")
        .count()).isEqualTo(started);
    assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(before);

    // only programme officers ask, and for the one agency they work for
    assertThatThrownBy(() -> exchanges.request("iom-reviewer", Exchanges.routeAnalysis(TODAY)))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void answersWithPersonalDataArePurgedAfterTheRetentionPeriodTheRegisterStays() {
    ProcessInstance personal = exchanges.request("iom-officer", Exchanges.migrantData(TODAY));
    exchanges.triage(personal, "unodc-reviewer", "ACCEPT", null);
    exchanges.prepare(personal, "unodc-officer", "Case files, anonymised.", "[]");
    exchanges.clearance(personal, "unodc-data-protection", "CLEAR", null);
    exchanges.acknowledge(personal, "iom-officer");
    ProcessInstance internal = exchanges.request("iom-officer", Exchanges.routeAnalysis(TODAY));
    exchanges.triage(internal, "unodc-reviewer", "ACCEPT", null);
    exchanges.prepare(internal, "unodc-officer", "The routes.", "[]");
    exchanges.acknowledge(internal, "iom-officer");

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-11-29T09:00:00Z")));
    retention.purgeExpired();
    assertThat(requests.answerOf(register(personal).getId()).orElseThrow().getAnswerText()).isEqualTo("Case files, anonymised.");

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-12-01T09:00:00Z")));
    retention.purgeExpired();
    ExchangeAnswer purged = requests.answerOf(register(personal).getId()).orElseThrow();
    assertThat(purged.getAnswerText()).isNull();
    assertThat(purged.getHandlingInstructions()).isNull();
    assertThat(purged.getPurgedAt()).isEqualTo(Instant.parse("2027-12-01T09:00:00Z"));
    assertThat(register(personal).getState()).isEqualTo(ExchangeState.ACKNOWLEDGED);
    assertThat(register(personal).getSubject()).isEqualTo("Smuggled migrants intercepted at Metema");
    assertThat(actions(register(personal))).endsWith(ACKNOWLEDGED, ExchangeAction.ANSWER_PURGED);
    // without personal data the answer stays
    assertThat(requests.answerOf(register(internal).getId()).orElseThrow().getAnswerText()).isEqualTo("The routes.");
    // once purged, a second run finds nothing more to do
    assertThat(retention.purgeExpired()).isZero();
  }

  @Test
  void peopleHearOfEachStepByMailWithoutTheAnswer() {
    ProcessInstance declined = exchanges.request("iom-officer", Exchanges.routeAnalysis(TODAY));
    assertThat(mails(declined, "Triage information request")).flatExtracting(Mails::to)
        .containsExactly("unodc-reviewer@unodc.org");
    assertThat(mails(declined, "Triage information request").get(0).text())
        .contains("Another agency asks UNODC (United Nations Office on Drugs and Crime) for information");
    exchanges.triage(declined, "unodc-reviewer", "DECLINE", "The analysis is under embargo until March.");
    Mails decline = mails(declined, " is now declined").get(0);
    assertThat(decline.to()).containsExactly("iom-officer@iom.int");
    assertThat(decline.text()).contains("Route analysis: Horn of Africa to Libya", "The analysis is under embargo until March.");

    ProcessInstance answered = exchanges.request("iom-officer", Exchanges.migrantData(TODAY));
    exchanges.triage(answered, "unodc-reviewer", "ACCEPT", "We hold the files.");
    assertThat(mails(answered, " is now accepted")).flatExtracting(Mails::to).containsExactly("iom-officer@iom.int");
    exchanges.prepare(answered, "unodc-officer", "The 212 case files, anonymised.", "[\"iom-reviewer\"]");
    assertThat(mails(answered, "Clear answer for release")).flatExtracting(Mails::to)
        .containsExactly("unodc-data-protection@unodc.org");
    exchanges.clearance(answered, "unodc-data-protection", "CLEAR", null);
    List<Mails> released = mails(answered, " is now answered");
    assertThat(released).flatExtracting(Mails::to).containsExactlyInAnyOrder("iom-officer@iom.int", "iom-reviewer@iom.int");
    assertThat(mails(answered, "Acknowledge receipt")).flatExtracting(Mails::to).containsExactly("iom-officer@iom.int");
    exchanges.acknowledge(answered, "iom-officer");
    assertThat(mails(answered, "acknowledged")).flatExtracting(Mails::to).containsExactly("unodc-officer@unodc.org");
    assertThat(sink.received().stream().map(Mails::new).filter(mail -> mail.subject().contains(answered.getBusinessKey())))
        .isNotEmpty().allSatisfy(mail -> assertThat(mail.text() + mail.html()).doesNotContain("212 case files"));
  }

  @Test
  void whoAskedNeverTriagesAnswersOrClearsItEvenWithARoleInTheAgencyAsked() {
    scenario.person("two-hats", "iom-officers", "unodc-reviewers", "unodc-data-protection");
    ProcessInstance exchange = exchanges.request("two-hats", Exchanges.migrantData(TODAY));
    assertThat(register(exchange).getRequestingAgency()).isEqualTo("IOM");
    Task triage = exchanges.task(exchange, "Task_TriageRequest");
    assertThatThrownBy(() -> scenario.claim("two-hats", triage)).isInstanceOf(ActionRefusedException.class)
        .hasMessageContaining("Four-eyes rule: two-hats asked for " + exchange.getBusinessKey() + " and so may not triage it");
    exchanges.triage(exchange, "unodc-reviewer", "ACCEPT", null);
    assertThatThrownBy(() -> scenario.complete("two-hats", exchanges.task(exchange, "Task_PrepareAnswer"),
        Map.of("answerText", "Mine.", "handlingInstructions", "None.")))
        .isInstanceOf(ActionRefusedException.class).hasMessageContaining("may not answer it");
    exchanges.prepare(exchange, "unodc-officer", "The files.", "[]");
    assertThatThrownBy(() -> scenario.claim("two-hats", exchanges.task(exchange, "Task_ClearAnswer")))
        .isInstanceOf(ActionRefusedException.class).hasMessageContaining("may not clear the answer to it");
    assertThat(exchange).isWaitingAt("Task_ClearAnswer");
  }

  @Test
  void eachAgencyFindsItsPartInItsTasklistFilters() {
    ProcessInstance exchange = exchanges.request("iom-officer", Exchanges.migrantData(TODAY));
    assertThat(listed("unodc-reviewer", "Information requests", exchange)).containsExactly("Triage information request");
    assertThat(listed("iom-reviewer", "Information requests", exchange)).isEmpty();
    exchanges.triage(exchange, "unodc-reviewer", "ACCEPT", null);
    assertThat(listed("unodc-officer", "Information requests", exchange)).containsExactly("Prepare answer");
    assertThat(listed("iom-officer", "Information requests", exchange)).isEmpty();
    exchanges.prepare(exchange, "unodc-officer", "The files.", "[]");
    assertThat(listed("unodc-data-protection", "Awaiting data-protection clearance", exchange))
        .containsExactly("Clear answer for release");
    assertThat(listed("iom-data-protection", "Awaiting data-protection clearance", exchange)).isEmpty();
    exchanges.clearance(exchange, "unodc-data-protection", "CLEAR", null);
    assertThat(listed("iom-officer", "My tasks", exchange)).containsExactly("Acknowledge receipt");
  }

  private List<String> listed(String user, String filterName, ProcessInstance exchange) {
    String filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult().getId();
    List<Task> visible = scenario.as(user, () -> engine.getFilterService().<Task>list(filter));
    return visible.stream().filter(task -> exchange.getId().equals(task.getProcessInstanceId())).map(Task::getName).toList();
  }

  private List<Mails> mails(ProcessInstance exchange, String subjectPart) {
    return sink.received().stream().map(Mails::new)
        .filter(mail -> mail.subject().contains(exchange.getBusinessKey()) && mail.subject().contains(subjectPart)).toList();
  }

  private InformationRequest register(ProcessInstance exchange) {
    return requests.find(exchange.getBusinessKey()).orElseThrow();
  }

  private List<ExchangeAction> actions(InformationRequest request) {
    return requests.trail(request.getId()).stream().map(ExchangeEvent::getAction).toList();
  }
}
