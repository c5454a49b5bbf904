package org.jointactivities.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Proposals;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Each rule of PRODUCT.md §1, broken once: refused with the field and the rule named, nothing saved. */
@JointActivitiesTest
class ProposalValidationTest {

  @Autowired Scenario scenario;
  @Autowired JointActivityRepository activities;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  static Stream<Arguments> badProposals() {
    return Stream.of(
        bad("title", "", "title: is required"),
        bad("title", "x".repeat(201), "title: size must be between 0 and 200"),
        bad("summary", null, "summary: is required"),
        bad("thematicAreas", Proposals.json("[]"), "thematicAreas: needs at least one entry"),
        bad("thematicAreas", Proposals.json("[\"PIRACY\"]"),
            "thematicAreas: 'PIRACY' is not one of TRAFFICKING_IN_PERSONS, SMUGGLING_OF_MIGRANTS, BORDER_MANAGEMENT"),
        bad("countries", Proposals.json("[\"ZA\",\"XX\"]"), "countries: 'XX' is not an ISO 3166 alpha-2 country code"),
        bad("countries", Proposals.json("[]"), "countries: needs at least one entry"),
        bad("region", " ", "region: is required"),
        bad("plannedStartDate", "01/02/2027", "plannedStartDate: must be a date written YYYY-MM-DD, not '01/02/2027'"),
        bad("plannedEndDate", "2026-12-31", "plannedEndDate: must be after the planned start date (2027-01-01)"),
        bad("plannedEndDate", "2027-01-01", "plannedEndDate: must be after the planned start date (2027-01-01)"),
        bad("plannedEndDate", "2032-01-02", "plannedEndDate: must be at most 5 years after the planned start date (2027-01-01)"),
        bad("plannedStartDate", "1999-12-31", "plannedStartDate: must lie between 2000-01-01 and 2100-12-31"),
        bad("totalBudget", "lots", "totalBudget: must be a number, not 'lots'"),
        bad("totalBudget", -90000, "totalBudget: must be greater than 0"),
        bad("totalBudget", 95000, "totalBudget: must equal the sum of the agencies' contributions (90000), not 95000"),
        bad("totalBudget", 1e15, "totalBudget: must be less than or equal to 1000000000000"),
        bad("leadContribution", -1, "leadContribution: must be greater than or equal to 0"),
        bad("currency", "XYZ", "currency: 'XYZ' is not an ISO 4217 currency code"),
        bad("currency", "JPY", "currency: JPY is not one of the currencies budgets are kept in"),
        bad("partnerAgency", "UNODC", "partnerAgency: must differ from the lead agency"),
        bad("partnerAgency", "UNICEF", "partnerAgency: 'UNICEF' is not a configured agency (UNODC, IOM)"),
        bad("partnerFocalPoint", "unodc-reviewer",
            "partnerFocalPoint: 'unodc-reviewer' is not a reviewer (focal point) of IOM: no member of group iom-reviewers"),
        bad("leadFocalPoint", "nobody", "leadFocalPoint: 'nobody' is not a reviewer (focal point) of UNODC"),
        bad("deliverables", "\n \n", "deliverables: needs at least one entry"),
        bad("indicators", "Officials trained 0 120",
            "indicators: line 1 ('Officials trained 0 120') must read 'name | baseline | target'"),
        bad("indicators", "Officials trained | none | 120", "baseline and target must be numbers"),
        bad("reportingFrequency", "WEEKLY", "reportingFrequency: 'WEEKLY' is not one of MONTHLY, QUARTERLY, SEMI_ANNUAL"),
        bad("corruptionRisk", "MEDIUM", "riskMitigation: is required when the corruption risk is MEDIUM"),
        bad("corruptionRisk", null, "corruptionRisk: is required"));
  }

  private static Arguments bad(String field, Object value, String message) {
    return Arguments.of(field, value, message);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badProposals")
  void aBadFieldIsRefusedByNameAndNothingIsSaved(String field, Object value, String expected) {
    assertRefusedWithNothingSaved("unodc-officer", Proposals.with(field, value), expected);
  }

  @Test
  void everyProblemIsReportedAtOnceInFormOrder() {
    Map<String, Object> proposal = Proposals.with("title", "");
    proposal.put("currency", "XYZ");
    proposal.put("plannedEndDate", "2026-01-01");
    assertRefusedWithNothingSaved("unodc-officer", proposal, "Proposal refused: title: is required; "
        + "plannedEndDate: must be after the planned start date (2027-01-01); "
        + "currency: 'XYZ' is not an ISO 4217 currency code");
  }

  @Test
  void onlyAnOfficerOfTheLeadAgencyMayPropose() {
    assertRefusedWithNothingSaved("iom-officer", Proposals.valid(),
        "leadAgency: iom-officer is not an officer of UNODC and so cannot propose for it");
  }

  @Test
  void aValidProposalIsSavedWithItsReferenceAsBusinessKey() {
    long before = activities.count();
    var proposal = scenario.submitValid();
    var activity = scenario.activity(proposal);
    assertThat(activities.count()).isEqualTo(before + 1);
    assertThat(activity.getReference()).isEqualTo(proposal.getBusinessKey());
    assertThat(activity.getCountries()).containsExactly("ZA", "MZ");
    assertThat(activity.getIndicators()).hasSize(2);
    // the proposal lives in the registry; the process keeps its id and what gateways and Cockpit need
    assertThat(runtime.getVariables(proposal.getId())).containsKeys("activityId", "title", "leadAgency", "budgetUsd")
        .containsEntry("state", "IN_REVIEW")
        .doesNotContainKeys("summary", "objectives", "indicators", "deliverables", "countries");
  }

  private void assertRefusedWithNothingSaved(String officer, Map<String, Object> proposal, String expected) {
    long activitiesBefore = activities.count();
    long instancesBefore = history.createHistoricProcessInstanceQuery().count();
    assertThatThrownBy(() -> scenario.submit(officer, proposal))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Proposal refused: ")
        .hasMessageContaining(expected);
    assertThat(activities.count()).isEqualTo(activitiesBefore);
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }
}
