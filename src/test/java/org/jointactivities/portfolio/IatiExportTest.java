package org.jointactivities.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.jointactivities.activity.ActivityChanges;
import org.jointactivities.activity.ActivityDetails;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.TestActivities;
import org.jointactivities.activity.ThematicArea;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.AgencyProperties;
import org.jointactivities.amendment.Amendment;
import org.jointactivities.amendment.TestAmendments;
import org.jointactivities.document.DocumentType;
import org.jointactivities.document.PublicDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class IatiExportTest {

  static final Instant GENERATED = Instant.parse("2027-03-01T09:30:00Z");
  static final Instant UPDATED = Instant.parse("2027-02-15T14:05:07.123456Z");

  static final AgencyDirectory AGENCIES = new AgencyDirectory(new AgencyProperties(List.of(
      new Agency("UNODC", "United Nations Office on Drugs and Crime", "unodc.org", "XM-DAC-41128"),
      new Agency("IOM", "International Organization for Migration", "iom.int", "XM-DAC-47066"),
      new Agency("UNHCR", "UN Refugee Agency", "unhcr.org", null))));

  private static Schema schema;

  private final IatiExport export = new IatiExport(AGENCIES, () -> GENERATED);

  /** The IATI 2.03 schema from src/test/resources, allowed to read local files only: never the network. */
  @BeforeAll
  static void loadSchema() throws Exception {
    URL main = IatiExportTest.class.getResource("/iati-2.03/iati-activities-schema.xsd");
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    schema = factory.newSchema(new StreamSource(main.openStream(), main.toExternalForm()));
  }

  @Test
  void activitiesInEveryStateValidateAgainstTheSchema() throws Exception {
    List<JointActivity> activities = new ArrayList<>();
    int sequence = 1;
    for (ActivityState state : ActivityState.values()) {
      activities.add(activity(sequence++, state, TestActivities.details()));
    }
    activities.add(activity(sequence++, ActivityState.ACTIVE, details(
        List.of("ZA", "MZ", "MW"), Set.of(ThematicArea.values()), "EUR", "150000.50", "150000.50", "0.00")));
    activities.add(activity(sequence, ActivityState.IN_REVIEW, details(
        List.of("TH"), Set.of(ThematicArea.SMUGGLING_OF_MIGRANTS), "CHF", "1000.00", "0.00", "1000.00")));

    byte[] xml = write(activities);

    validate(xml);
    Document doc = parse(xml);
    assertThat(doc.getElementsByTagName("iati-activity").getLength()).isEqualTo(activities.size());
  }

  @Test
  void anActivityCarriesItsRegistryDetails() throws Exception {
    Document doc = parse(write(List.of(activity(7, ActivityState.ACTIVE, TestActivities.details()))));

    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("version")).isEqualTo("2.03");
    assertThat(root.getAttribute("generated-datetime")).isEqualTo("2027-03-01T09:30:00Z");
    assertThat(text(doc, "/iati-activities/iati-activity/@xml:lang")).isEqualTo("en");
    assertThat(text(doc, "//iati-activity/@default-currency")).isEqualTo("USD");
    assertThat(text(doc, "//iati-activity/@last-updated-datetime")).isEqualTo("2027-02-15T14:05:07Z");
    assertThat(text(doc, "//iati-identifier")).isEqualTo("XM-DAC-41128-JA-2027-0007");
    assertThat(text(doc, "//reporting-org/@ref")).isEqualTo("XM-DAC-41128");
    assertThat(text(doc, "//reporting-org/@type")).isEqualTo("40");
    assertThat(text(doc, "//reporting-org/narrative")).isEqualTo("United Nations Office on Drugs and Crime");
    assertThat(text(doc, "//title/narrative")).isEqualTo("Joint training on victim identification at borders");
    assertThat(text(doc, "//description[@type='1']/narrative")).startsWith("Two agencies train");
    assertThat(text(doc, "//description[@type='2']/narrative")).startsWith("Officials identify");
    assertThat(text(doc, "//activity-date[@type='1']/@iso-date")).isEqualTo("2027-01-01");
    assertThat(text(doc, "//activity-date[@type='3']/@iso-date")).isEqualTo("2027-12-31");
    // under way: when it actually started; not yet ended
    assertThat(text(doc, "//activity-date[@type='2']/@iso-date")).isEqualTo("2027-02-15");
    assertThat(count(doc, "//activity-date")).isEqualTo(3);
    // within one calendar year: one budget for the whole activity
    assertThat(count(doc, "//budget")).isEqualTo(1);
    assertThat(text(doc, "//budget/@type")).isEqualTo("1");
    assertThat(text(doc, "//budget/@status")).isEqualTo("1");
    assertThat(text(doc, "//budget/period-start/@iso-date")).isEqualTo("2027-01-01");
    assertThat(text(doc, "//budget/period-end/@iso-date")).isEqualTo("2027-12-31");
    assertThat(text(doc, "//budget/value")).isEqualTo("90000.00");
    assertThat(text(doc, "//budget/value/@value-date")).isEqualTo("2027-01-01");
  }

  @Test
  void bothAgenciesFundWhatTheyContributeAndBothImplement() throws Exception {
    Document both = parse(write(List.of(activity(1, ActivityState.SIGNED, TestActivities.details()))));
    assertThat(roles(both)).containsExactly(
        "1 XM-DAC-41128", "1 XM-DAC-47066", "4 XM-DAC-41128", "4 XM-DAC-47066");
    assertThat(text(both, "//participating-org[@ref='XM-DAC-47066'][1]/narrative"))
        .isEqualTo("International Organization for Migration");
    assertThat(text(both, "//participating-org[1]/@type")).isEqualTo("40");

    Document leadOnly = parse(write(List.of(activity(2, ActivityState.SIGNED, details(
        List.of("ZA"), Set.of(ThematicArea.BORDER_MANAGEMENT), "USD", "500.00", "500.00", "0.00")))));
    assertThat(roles(leadOnly)).containsExactly("1 XM-DAC-41128", "4 XM-DAC-41128", "4 XM-DAC-47066");
  }

  @Test
  void statusesFollowTheIatiActivityStatusCodelist() throws Exception {
    Map<ActivityState, String> expected = new EnumMap<>(ActivityState.class);
    for (ActivityState pipeline : List.of(ActivityState.DRAFT, ActivityState.IN_REVIEW,
        ActivityState.CHANGES_REQUESTED, ActivityState.AWAITING_SIGNATURE, ActivityState.SIGNED)) {
      expected.put(pipeline, "1");
    }
    expected.put(ActivityState.ACTIVE, "2");
    expected.put(ActivityState.SUSPENDED, "6");
    expected.put(ActivityState.FINAL_REPORTING, "3");
    expected.put(ActivityState.CLOSED, "4");
    expected.put(ActivityState.REJECTED, "5");
    expected.put(ActivityState.WITHDRAWN, "5");
    expected.put(ActivityState.TERMINATED, "5");
    assertThat(expected.keySet()).containsExactlyInAnyOrder(ActivityState.values());

    for (ActivityState state : ActivityState.values()) {
      Document doc = parse(write(List.of(activity(1, state, TestActivities.details()))));
      assertThat(text(doc, "//activity-status/@code")).as(state.name()).isEqualTo(expected.get(state));
    }
  }

  @Test
  void aClosedActivityCarriesWhenItActuallyStartedAndEndedAndASignedOneNeither() throws Exception {
    Document closed = parse(write(List.of(activity(1, ActivityState.CLOSED, TestActivities.details()))));
    assertThat(strings(closed, "//activity-date/@type")).containsExactly("1", "2", "3", "4");
    assertThat(text(closed, "//activity-date[@type='4']/@iso-date")).isEqualTo("2027-02-15");
    Document signed = parse(write(List.of(activity(2, ActivityState.SIGNED, TestActivities.details()))));
    assertThat(strings(signed, "//activity-date/@type")).containsExactly("1", "3");
  }

  @Test
  void percentagesOfCountriesAndSectorsAddUpToExactly100() throws Exception {
    List<String> seven = List.of("ZA", "MZ", "MW", "ZM", "ZW", "BW", "NA");
    Document doc = parse(write(List.of(
        activity(1, ActivityState.ACTIVE, details(seven, Set.of(ThematicArea.values()), "USD", "9.00", "9.00", "0.00")),
        activity(2, ActivityState.ACTIVE, details(List.of("ZA", "MZ", "MW"), Set.of(ThematicArea.BORDER_MANAGEMENT),
            "USD", "9.00", "9.00", "0.00")))));

    assertThat(strings(doc, "//iati-activity[1]/recipient-country/@code")).containsExactlyElementsOf(seven);
    assertThat(strings(doc, "//iati-activity[1]/recipient-country/@percentage"))
        .containsExactly("14.29", "14.29", "14.29", "14.29", "14.28", "14.28", "14.28");
    assertThat(strings(doc, "//iati-activity[2]/recipient-country/@percentage"))
        .containsExactly("33.34", "33.33", "33.33");
    assertThat(strings(doc, "//iati-activity[1]/sector[@vocabulary='99']/@code"))
        .containsExactly("TRAFFICKING_IN_PERSONS", "SMUGGLING_OF_MIGRANTS", "BORDER_MANAGEMENT");
    assertThat(strings(doc, "//iati-activity[1]/sector[@vocabulary='1']/@code")).containsExactly("15190");

    for (String activity : List.of("//iati-activity[1]", "//iati-activity[2]")) {
      for (String list : List.of("/recipient-country", "/sector[@vocabulary='1']", "/sector[@vocabulary='99']")) {
        List<String> shares = strings(doc, activity + list + "/@percentage");
        assertThat(shares).as(activity + list).isNotEmpty()
            .allSatisfy(share -> assertThat(new BigDecimal(share).scale()).isLessThanOrEqualTo(2));
        assertThat(shares.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
            .as(activity + list).isEqualByComparingTo("100");
      }
    }
    assertThat(IatiExport.evenPercentages(1)).containsExactly("100");
    assertThat(IatiExport.evenPercentages(2)).containsExactly("50", "50");
    assertThat(IatiExport.evenPercentages(6)).containsExactly("16.67", "16.67", "16.67", "16.67", "16.66", "16.66");
  }

  @Test
  void aMultiYearBudgetIsSplitIntoCalendarYearsThatAddUpExactly() throws Exception {
    // 2027-04-01 to 2029-03-31: 275 + 366 + 90 = 731 days
    byte[] xml = write(List.of(activity(1, ActivityState.ACTIVE, details(
        List.of("ZA"), Set.of(ThematicArea.BORDER_MANAGEMENT), "EUR", "150000.50", "100000.50", "50000.00"))));

    validate(xml);
    Document doc = parse(xml);
    assertThat(strings(doc, "//budget/@type")).containsExactly("1", "1", "1");
    assertThat(strings(doc, "//budget/@status")).containsExactly("1", "1", "1");
    assertThat(strings(doc, "//budget/period-start/@iso-date")).containsExactly("2027-04-01", "2028-01-01", "2029-01-01");
    assertThat(strings(doc, "//budget/period-end/@iso-date")).containsExactly("2027-12-31", "2028-12-31", "2029-03-31");
    // 150 000.50 × 275/731 = 56 429.736…, × 366/731 = 75 102.849…: rounded down; the last takes the rest
    assertThat(strings(doc, "//budget/value")).containsExactly("56429.73", "75102.84", "18467.93");
    assertThat(strings(doc, "//budget/value/@value-date")).containsExactly("2027-04-01", "2028-01-01", "2029-01-01");
    assertBudgetsCover(doc, "1", LocalDate.of(2027, 4, 1), LocalDate.of(2029, 3, 31), "150000.50");
  }

  @Test
  void budgetPeriodsNeverExceedAYearNorGoNegativeAndAlwaysAddUp() {
    record Case(LocalDate start, LocalDate end, String total) {}
    for (Case c : List.of(
        new Case(LocalDate.of(2028, 2, 29), LocalDate.of(2032, 2, 29), "0.05"),
        new Case(LocalDate.of(2027, 1, 1), LocalDate.of(2031, 12, 31), "1000000000000.00"),
        new Case(LocalDate.of(2027, 12, 31), LocalDate.of(2028, 1, 1), "0.01"),
        new Case(LocalDate.of(2027, 6, 15), LocalDate.of(2027, 6, 15), "99.99"))) {
      List<IatiExport.BudgetPeriod> periods = IatiExport.budgetPeriods(c.start(), c.end(), new BigDecimal(c.total()));
      assertThat(periods.get(0).start()).as(c.toString()).isEqualTo(c.start());
      assertThat(periods.get(periods.size() - 1).end()).as(c.toString()).isEqualTo(c.end());
      for (int i = 0; i < periods.size(); i++) {
        IatiExport.BudgetPeriod period = periods.get(i);
        assertThat(period.end()).as(c + " " + period).isBeforeOrEqualTo(period.start().plusYears(1).minusDays(1));
        assertThat(period.value()).as(c + " " + period).isNotNegative();
        if (i > 0) {
          assertThat(period.start()).as(c + " " + period).isEqualTo(periods.get(i - 1).end().plusDays(1));
        }
      }
      assertThat(periods.stream().map(IatiExport.BudgetPeriod::value).reduce(BigDecimal.ZERO, BigDecimal::add))
          .as(c.toString()).isEqualByComparingTo(c.total());
    }
  }

  /**
   * An amendment raised the budget and extended the end: the budget as signed stays as the
   * original (type 1), the new one follows as revised (type 2), each by calendar year.
   */
  @Test
  void anAmendedBudgetIsPublishedAsRevisedNextToTheOriginal() throws Exception {
    JointActivity activity = activity(1, ActivityState.ACTIVE, details(
        List.of("ZA"), Set.of(ThematicArea.BORDER_MANAGEMENT), "EUR", "150000.50", "100000.50", "50000.00"));
    ActivityChanges raise = new ActivityChanges(null, LocalDate.of(2029, 6, 30), new BigDecimal("180000.00"),
        new BigDecimal("120000.00"), new BigDecimal("60000.00"), null, null);
    Amendment first = TestAmendments.appliedTo(activity, 1, raise, UPDATED);
    TestActivities.amended(activity, raise, UPDATED);
    // a second amendment changes the budget again: the original is still the signed one
    ActivityChanges again = new ActivityChanges(null, null, new BigDecimal("200000.00"),
        new BigDecimal("130000.00"), new BigDecimal("70000.00"), null, null);
    Amendment second = TestAmendments.appliedTo(activity, 2, again, UPDATED);
    TestActivities.amended(activity, again, UPDATED);

    IatiExport.SignedBudget signed = IatiExport.SignedBudget.of(activity, List.of(second, first)).orElseThrow();
    assertThat(signed).isEqualTo(new IatiExport.SignedBudget(LocalDate.of(2027, 4, 1), LocalDate.of(2029, 3, 31),
        new BigDecimal("150000.50")));
    byte[] xml = write(List.of(activity), Map.of(activity.getReference(), signed));

    validate(xml);
    Document doc = parse(xml);
    assertThat(strings(doc, "//budget/@type")).containsExactly("1", "1", "1", "2", "2", "2");
    assertThat(strings(doc, "//budget/@status")).containsOnly("1");
    assertThat(strings(doc, "//budget[@type='1']/value")).containsExactly("56429.73", "75102.84", "18467.93");
    assertBudgetsCover(doc, "1", LocalDate.of(2027, 4, 1), LocalDate.of(2029, 3, 31), "150000.50");
    assertThat(strings(doc, "//budget[@type='2']/period-start/@iso-date"))
        .containsExactly("2027-04-01", "2028-01-01", "2029-01-01");
    assertThat(strings(doc, "//budget[@type='2']/period-end/@iso-date"))
        .containsExactly("2027-12-31", "2028-12-31", "2029-06-30");
    assertBudgetsCover(doc, "2", LocalDate.of(2027, 4, 1), LocalDate.of(2029, 6, 30), "200000.00");
  }

  @Test
  void anAmendmentThatLeftBudgetAndDatesAloneRevisesNothing() throws Exception {
    JointActivity activity = activity(1, ActivityState.ACTIVE, TestActivities.details());
    ActivityChanges scope = new ActivityChanges(null, null, null, null, null, "Wider objectives", null);
    Amendment amendment = TestAmendments.appliedTo(activity, 1, scope, UPDATED);
    TestActivities.amended(activity, scope, UPDATED);

    assertThat(IatiExport.SignedBudget.of(activity, List.of(amendment))).isEmpty();
    assertThat(IatiExport.SignedBudget.of(activity, List.of())).isEmpty();
    assertThat(strings(parse(write(List.of(activity))), "//budget/@type")).containsExactly("1");
  }

  @Test
  void publicDocumentsFollowTheBudgetsAsDocumentLinksAndValidate() throws Exception {
    JointActivity activity = activity(1, ActivityState.ACTIVE, TestActivities.details());
    List<PublicDocument> documents = List.of(
        new PublicDocument(1, 11, DocumentType.CONCEPT_NOTE, "Concept note & <annexes>", "concept note.pdf",
            "application/pdf", Instant.parse("2027-02-10T23:30:00Z"),
            "https://ja.example.org/public/documents/11/concept%20note.pdf"),
        new PublicDocument(1, 12, DocumentType.BUDGET, "Budget", "budget.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", UPDATED,
            "https://ja.example.org/public/documents/12/budget.xlsx"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.write(List.of(activity, activity(2, ActivityState.SIGNED, TestActivities.details())), Map.of(),
        Map.of(activity.getReference(), documents), out);

    validate(out.toByteArray());
    Document doc = parse(out.toByteArray());
    assertThat(count(doc, "//iati-activity[2]/document-link")).isZero();
    assertThat(strings(doc, "//iati-activity[1]/document-link/@url")).containsExactly(
        "https://ja.example.org/public/documents/11/concept%20note.pdf",
        "https://ja.example.org/public/documents/12/budget.xlsx");
    assertThat(strings(doc, "//document-link/@format"))
        .containsExactly("application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(strings(doc, "//document-link/title/narrative")).containsExactly("Concept note & <annexes>", "Budget");
    assertThat(strings(doc, "//document-link/category/@code")).containsExactly("A02", "A05");
    assertThat(strings(doc, "//document-link/language/@code")).containsExactly("en", "en");
    assertThat(strings(doc, "//document-link/document-date/@iso-date")).containsExactly("2027-02-10", "2027-02-15");
    // the schema's order: after the budgets, last of what we write
    assertThat(count(doc, "//iati-activity[1]/budget[preceding-sibling::document-link]")).isZero();
    assertThat(count(doc, "//iati-activity[1]/*[last()][self::document-link]")).isEqualTo(1);
  }

  /** Every type has a code of IATI's DocumentCategory codelist (activity level, A01–A12). */
  @Test
  void documentTypesMapOntoIatiDocumentCategories() {
    Map<DocumentType, String> expected = new EnumMap<>(Map.of(DocumentType.CONCEPT_NOTE, "A02", DocumentType.BUDGET, "A05",
        DocumentType.ANNEX, "A02", DocumentType.REPORT_EVIDENCE, "A08", DocumentType.SIGNED_AGREEMENT, "A09",
        DocumentType.OTHER, "A02"));
    assertThat(expected.keySet()).containsExactlyInAnyOrder(DocumentType.values());
    expected.forEach((type, code) -> assertThat(IatiExport.documentCategory(type)).as(type.name()).isEqualTo(code));
  }

  /** The type's budgets follow one another without gap or overlap from start to end, and add up to the total. */
  private static void assertBudgetsCover(Document doc, String type, LocalDate start, LocalDate end, String total)
      throws Exception {
    String budget = "//budget[@type='" + type + "']";
    List<LocalDate> starts = strings(doc, budget + "/period-start/@iso-date").stream().map(LocalDate::parse).toList();
    List<LocalDate> ends = strings(doc, budget + "/period-end/@iso-date").stream().map(LocalDate::parse).toList();
    assertThat(starts.get(0)).isEqualTo(start);
    assertThat(ends.get(ends.size() - 1)).isEqualTo(end);
    for (int i = 0; i < starts.size(); i++) {
      // at most one year, as IATI requires
      assertThat(ends.get(i)).isBeforeOrEqualTo(starts.get(i).plusYears(1).minusDays(1));
      if (i > 0) {
        assertThat(starts.get(i)).isEqualTo(ends.get(i - 1).plusDays(1));
      }
    }
    assertThat(strings(doc, budget + "/value").stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(total);
  }

  @Test
  void textFromUsersStaysTextAndTheDocumentStaysValid() throws Exception {
    String title = "<script>alert(\"x\")</script> & 'quotes' ]]> <!-- -->";
    String summary = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>&e; &amp; <![CDATA[ raw ]]>";
    String objectives = "Line one\nLine two\tand \"more\" — ünïcödé, 中文, emoji \uD83D\uDE80";
    ActivityDetails base = TestActivities.details();
    ActivityDetails hostile = new ActivityDetails(title, summary, objectives, base.thematicAreas(), base.markers(),
        base.countries(), base.region(), base.leadAgency(), base.partnerAgency(), base.leadFocalPoint(),
        base.partnerFocalPoint(), base.plannedStartDate(), base.plannedEndDate(), base.totalBudget(), base.currency(),
        base.leadContribution(), base.partnerContribution(), base.deliverables(), base.indicators(), base.reportingFrequency(),
        base.corruptionRisk(), null);

    byte[] xml = write(List.of(activity(1, ActivityState.IN_REVIEW, hostile)));

    validate(xml);
    Document doc = parse(xml);
    assertThat(text(doc, "//title/narrative")).isEqualTo(title);
    assertThat(text(doc, "//description[@type='1']/narrative")).isEqualTo(summary);
    assertThat(text(doc, "//description[@type='2']/narrative")).isEqualTo(objectives);
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    assertThat(doc.getDoctype()).isNull();
  }

  @Test
  void charactersXmlCannotHoldAreReplacedNotWrittenThrough() throws Exception {
    ActivityDetails base = TestActivities.details();
    String title = "Null\u0000 bell\u0007 lone surrogate \uD800 noncharacter \uFFFF end";
    ActivityDetails broken = new ActivityDetails(title, base.summary(), base.objectives(), base.thematicAreas(),
        base.markers(), base.countries(), base.region(), base.leadAgency(), base.partnerAgency(),
        base.leadFocalPoint(), base.partnerFocalPoint(), base.plannedStartDate(), base.plannedEndDate(),
        base.totalBudget(), base.currency(), base.leadContribution(), base.partnerContribution(),
        base.deliverables(), base.indicators(), base.reportingFrequency(), base.corruptionRisk(), null);

    byte[] xml = write(List.of(activity(1, ActivityState.DRAFT, broken)));

    validate(xml);
    assertThat(text(parse(xml), "//title/narrative"))
        .isEqualTo("Null\uFFFD bell\uFFFD lone surrogate \uFFFD noncharacter \uFFFD end");
  }

  /** The 2.03 schema requires at least one iati-activity, so there is no valid empty file: refused, nothing written. */
  @Test
  void anEmptyListIsRefusedBecauseTheSchemaNeedsOneActivity() throws Exception {
    String empty = "<iati-activities version=\"2.03\" generated-datetime=\"2027-03-01T09:30:00Z\"/>";
    assertThatThrownBy(() -> validate(empty.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("iati-activities");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> export.write(List.of(), Map.of(), Map.of(), out))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("at least one iati-activity");
    assertThat(out.size()).isZero();
  }

  @Test
  void anAgencyWithoutIatiRefIsRefusedBeforeAnythingIsWritten() {
    ActivityDetails base = TestActivities.details();
    ActivityDetails withUnhcr = new ActivityDetails(base.title(), base.summary(), base.objectives(),
        base.thematicAreas(), base.markers(), base.countries(), base.region(), "IOM", "UNHCR",
        base.leadFocalPoint(), base.partnerFocalPoint(), base.plannedStartDate(), base.plannedEndDate(),
        base.totalBudget(), base.currency(), base.leadContribution(), base.partnerContribution(),
        base.deliverables(), base.indicators(), base.reportingFrequency(), base.corruptionRisk(), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> export.write(List.of(
        activity(1, ActivityState.ACTIVE, TestActivities.details()),
        activity(2, ActivityState.ACTIVE, withUnhcr)), Map.of(), Map.of(), out))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("JA-2027-0002").hasMessageContaining("UNHCR has no iati-ref");
    assertThat(out.size()).isZero();
  }

  static JointActivity activity(int sequence, ActivityState state, ActivityDetails details) {
    return TestActivities.inState("JA-2027-%04d".formatted(sequence), state, details, UPDATED);
  }

  static ActivityDetails details(List<String> countries, Set<ThematicArea> themes, String currency,
      String total, String lead, String partner) {
    ActivityDetails base = TestActivities.details();
    return new ActivityDetails(base.title(), base.summary(), base.objectives(), themes, base.markers(), countries,
        base.region(), base.leadAgency(), base.partnerAgency(), base.leadFocalPoint(), base.partnerFocalPoint(),
        LocalDate.of(2027, 4, 1), LocalDate.of(2029, 3, 31), new BigDecimal(total), currency,
        new BigDecimal(lead), new BigDecimal(partner), base.deliverables(), base.indicators(),
        base.reportingFrequency(), base.corruptionRisk(), null);
  }

  private byte[] write(List<JointActivity> activities) {
    return write(activities, Map.of());
  }

  private byte[] write(List<JointActivity> activities, Map<String, IatiExport.SignedBudget> signedBudgets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.write(activities, signedBudgets, Map.of(), out);
    return out.toByteArray();
  }

  private static void validate(byte[] xml) throws Exception {
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
  }

  private static Document parse(byte[] xml) throws Exception {
    return IatiXml.parse(xml);
  }

  private static List<String> roles(Document doc) throws Exception {
    List<String> roles = new ArrayList<>();
    NodeList orgs = doc.getElementsByTagName("participating-org");
    for (int i = 0; i < orgs.getLength(); i++) {
      Element org = (Element) orgs.item(i);
      roles.add(org.getAttribute("role") + " " + org.getAttribute("ref"));
    }
    return roles;
  }

  private static String text(Document doc, String path) throws Exception {
    assertThat(count(doc, path)).as(path).isPositive();
    return IatiXml.xpath().evaluate(path, doc);
  }

  private static int count(Document doc, String path) {
    return IatiXml.count(doc, path);
  }

  private static List<String> strings(Document doc, String path) {
    return IatiXml.strings(doc, path);
  }
}
