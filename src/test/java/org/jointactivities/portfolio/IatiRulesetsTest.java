package org.jointactivities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jointactivities.portfolio.IatiExportTest.GENERATED;
import static org.jointactivities.portfolio.IatiExportTest.UPDATED;
import static org.jointactivities.portfolio.IatiExportTest.activity;
import static org.jointactivities.portfolio.IatiExportTest.details;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jointactivities.activity.ActivityChanges;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.TestActivities;
import org.jointactivities.activity.ThematicArea;
import org.jointactivities.amendment.Amendment;
import org.jointactivities.amendment.TestAmendments;
import org.jointactivities.document.DocumentType;
import org.jointactivities.document.PublicDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The IATI Standard's rulesets (IATI-Rulesets, rulesets/standard.json), which the official validator
 * applies beyond the schema, on exported activities: one test per rule (IatiRules). Each test first
 * shows that the exported activities exercise the rule (its elements are there) and keep it, then
 * that the check itself catches an activity that breaks it, so that no test passes by checking nothing.
 * Rules on elements we do not write (transactions, policy markers, organisation files) are covered
 * where they constrain what we write: sectors and recipients at one level only.
 */
class IatiRulesetsTest {

  private static final String NOW = GENERATED.toString();

  private static Document exported;

  /** Every state; several countries and all themes; an amended budget over three years; public documents. */
  @BeforeAll
  static void export() throws Exception {
    List<JointActivity> activities = new ArrayList<>();
    int sequence = 1;
    for (ActivityState state : ActivityState.values()) {
      activities.add(activity(sequence++, state, TestActivities.details()));
    }
    JointActivity amended = activity(sequence++, ActivityState.CLOSED, details(List.of("ZA", "MZ", "MW", "ZM", "ZW", "BW", "NA"),
        Set.of(ThematicArea.values()), "EUR", "150000.50", "100000.50", "50000.00"));
    ActivityChanges raise = new ActivityChanges(null, LocalDate.of(2029, 6, 30), new BigDecimal("180000.00"),
        new BigDecimal("120000.00"), new BigDecimal("60000.00"), null, null);
    Amendment amendment = TestAmendments.appliedTo(amended, 1, raise, UPDATED);
    TestActivities.amended(amended, raise, UPDATED);
    activities.add(amended);
    activities.add(activity(sequence, ActivityState.ACTIVE, details(List.of("TH"), Set.of(ThematicArea.SMUGGLING_OF_MIGRANTS),
        "CHF", "1000.00", "0.00", "1000.00")));
    String base = "https://ja.example.org/public/documents/";
    List<PublicDocument> documents = List.of(
        new PublicDocument(1, 1, DocumentType.CONCEPT_NOTE, "Concept note", "concept.pdf", "application/pdf", UPDATED,
            base + "1/concept.pdf"),
        new PublicDocument(1, 2, DocumentType.REPORT_EVIDENCE, "Evidence", "photo 1.png", "image/png",
            Instant.parse("2027-02-28T23:59:59Z"), base + "2/photo%201.png"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new IatiExport(IatiExportTest.AGENCIES, () -> GENERATED).write(activities,
        Map.of(amended.getReference(), IatiExport.SignedBudget.of(amended, List.of(amendment)).orElseThrow()),
        Map.of(amended.getReference(), documents), out);
    exported = IatiXml.parse(out.toByteArray());
  }

  @Test
  void theIdentifierStartsWithTheReportingOrganisationsRef() throws Exception {
    assertRule(IatiRules::identifierStartsWithReportingOrg, "iati-identifier",
        "<iati-identifier>XM-DAC-47066-JA-2027-0001</iati-identifier><reporting-org ref='XM-DAC-41128'/>");
  }

  @Test
  void identifiersAndOrganisationRefsHoldNoSlashAmpersandBarOrQuestionMark() throws Exception {
    assertRule(IatiRules::identifiersHoldNoReservedCharacters, "participating-org/@ref",
        "<iati-identifier>XM-DAC-41128-JA/2027</iati-identifier><reporting-org ref='XM-DAC-41128'/>");
  }

  @Test
  void theIdentifierIsUniqueInTheFile() throws Exception {
    assertRule(IatiRules::identifierIsUniqueInTheFile, "iati-identifier",
        "<iati-identifier>A-1</iati-identifier></iati-activity><iati-activity><iati-identifier>A-1</iati-identifier>");
  }

  @Test
  void aPlannedOrActualStartDateIsGiven() throws Exception {
    assertRule(IatiRules::hasAStartDate, "activity-date[@type='1']",
        "<activity-date type='3' iso-date='2027-12-31'/>");
  }

  @Test
  void sectorsAreGivenOnTheActivityOrOnEveryTransactionNeverBoth() throws Exception {
    assertRule(IatiRules::sectorsAtOneLevel, "sector",
        "<sector code='15190' percentage='100'/><transaction><sector code='15190'/></transaction>");
  }

  @Test
  void recipientCountriesAndRegionsAreGivenAtOneLevelOnly() throws Exception {
    assertRule(IatiRules::recipientsAtOneLevel, "recipient-country",
        "<recipient-country code='ZA' percentage='100'/><transaction><recipient-country code='ZA'/></transaction>");
  }

  @Test
  void recipientCountryPercentagesSumTo100() throws Exception {
    assertRule(IatiRules::recipientPercentagesSumTo100, "recipient-country[7]",
        "<recipient-country code='ZA' percentage='33.33'/><recipient-country code='MZ' percentage='33.33'/>"
            + "<recipient-region code='1027' percentage='33.33'/>");
  }

  @Test
  void dacSectorPercentagesSumTo100() throws Exception {
    assertRule(IatiRules::dacSectorPercentagesSumTo100, "sector[@vocabulary='1']",
        "<sector vocabulary='1' code='15190' percentage='60'/><sector code='15130' percentage='30'/>");
  }

  @Test
  void eachOtherSectorVocabularySumsTo100OnItsOwn() throws Exception {
    assertRule(IatiRules::otherVocabularySectorPercentagesSumTo100, "sector[@vocabulary='99'][3]",
        "<sector vocabulary='99' code='A' percentage='50'/><sector vocabulary='99' code='B' percentage='50'/>"
            + "<sector vocabulary='98' code='C' percentage='99.99'/>");
  }

  @Test
  void noPercentageIsNegative() throws Exception {
    assertRule(IatiRules::percentagesAreNotNegative, "sector/@percentage",
        "<recipient-country code='ZA' percentage='110'/><recipient-country code='MZ' percentage='-10'/>");
  }

  @Test
  void sectorsOfTheReportersOwnVocabularySayWhatTheyAre() throws Exception {
    assertRule(IatiRules::ownVocabularySectorsHaveANarrative, "sector[@vocabulary='99']/narrative",
        "<sector vocabulary='99' code='BORDER_MANAGEMENT' percentage='100'/>");
  }

  @Test
  void aDefaultLanguageIsGiven() throws Exception {
    assertRule(IatiRules::hasADefaultLanguage, "@xml:lang", "<title><narrative>Training</narrative></title>");
  }

  @Test
  void aDefaultCurrencyIsGiven() throws Exception {
    assertRule(IatiRules::hasADefaultCurrency, "@default-currency",
        "<budget><period-start iso-date='2027-01-01'/><period-end iso-date='2027-12-31'/>"
            + "<value value-date='2027-01-01'>1</value></budget>");
  }

  @Test
  void lastUpdatedIsNotInTheFuture() throws Exception {
    assertRule(IatiRules::lastUpdatedIsNotInTheFuture, "@last-updated-datetime",
        "<iati-identifier>A-1</iati-identifier>", " last-updated-datetime='2027-03-01T09:30:01Z'");
  }

  @Test
  void thePlannedStartIsNotAfterThePlannedEnd() throws Exception {
    assertRule(IatiRules::plannedStartIsNotAfterPlannedEnd, "activity-date[@type='3']",
        "<activity-date type='1' iso-date='2028-01-01'/><activity-date type='3' iso-date='2027-12-31'/>");
  }

  @Test
  void theActualStartIsNotAfterTheActualEnd() throws Exception {
    assertRule(IatiRules::actualStartIsNotAfterActualEnd, "activity-date[@type='4']",
        "<activity-date type='2' iso-date='2027-02-02'/><activity-date type='4' iso-date='2027-02-01'/>");
  }

  @Test
  void noActualDateIsInTheFuture() throws Exception {
    assertRule(IatiRules::actualDatesAreNotInTheFuture, "activity-date[@type='2']",
        "<activity-date type='2' iso-date='2027-02-01'/><transaction><transaction-date iso-date='2027-03-02'/>"
            + "<value value-date='2027-03-01'>1</value></transaction>");
  }

  @Test
  void aBudgetPeriodStartsBeforeItEnds() throws Exception {
    assertRule(IatiRules::budgetPeriodStartsBeforeItEnds, "budget[@type='2']",
        "<budget><period-start iso-date='2028-01-01'/><period-end iso-date='2027-12-31'/>"
            + "<value value-date='2028-01-01'>1</value></budget>");
  }

  @Test
  void aBudgetPeriodIsAYearAtMost() throws Exception {
    assertRule(IatiRules::budgetPeriodIsAtMostAYear, "budget[period-start/@iso-date='2028-01-01']",
        "<budget><period-start iso-date='2027-04-01'/><period-end iso-date='2028-04-01'/>"
            + "<value value-date='2027-04-01'>1</value></budget>");
  }

  @Test
  void aBudgetValueHasItsValueDateWithinThePeriod() throws Exception {
    assertRule(IatiRules::budgetValueDateIsWithinThePeriod, "budget/value/@value-date",
        "<budget><period-start iso-date='2027-01-01'/><period-end iso-date='2027-12-31'/><value>1</value></budget>"
            + "<budget><period-start iso-date='2028-01-01'/><period-end iso-date='2028-12-31'/>"
            + "<value value-date='2027-12-31'>1</value></budget>");
  }

  @Test
  void participatingOrganisationsHaveARefOrAName() throws Exception {
    assertRule(IatiRules::participatingOrgsHaveARefOrAName, "participating-org",
        "<participating-org role='4' type='40'/>");
  }

  @Test
  void documentLinksAreOpenableByTheirUrlAndUseTheCodelists() throws Exception {
    assertRule(IatiRules::documentLinksAreOpenableAndCoded, "document-link[2]",
        "<document-link url='/public/documents/1/a.pdf' format='pdf'><title><narrative>A</narrative></title>"
            + "<category code='Z99'/><document-date iso-date='2027-03-02'/></document-link>");
  }

  /**
   * The exported activities have {@code exercised} (in at least one of them) and keep the rule; an
   * activity of {@code broken} elements (and root attributes) breaks it, and the check says so.
   */
  private static void assertRule(IatiRules.Rule rule, String exercised, String broken, String... attributes) throws Exception {
    List<Element> activities = activities(exported);
    assertThat(activities.stream().filter(activity -> IatiXml.count(activity, exercised) > 0))
        .as("the export exercises the rule: " + exercised).isNotEmpty();
    for (Element activity : activities) {
      assertThat(rule.apply(activity)).as(IatiXml.strings(activity, "iati-identifier").toString()).isEmpty();
    }
    String snippet = "<iati-activities version='2.03' generated-datetime='" + NOW + "'><iati-activity"
        + String.join("", attributes) + ">" + broken + "</iati-activity></iati-activities>";
    List<Element> wrong = activities(IatiXml.parse(snippet.getBytes(StandardCharsets.UTF_8)));
    assertThat(wrong.stream().flatMap(activity -> rule.apply(activity).stream())).as("the check catches " + broken).isNotEmpty();
  }

  private static List<Element> activities(Document doc) {
    List<Element> all = new ArrayList<>();
    for (int i = 0; i < doc.getElementsByTagName("iati-activity").getLength(); i++) {
      all.add((Element) doc.getElementsByTagName("iati-activity").item(i));
    }
    return all;
  }
}
