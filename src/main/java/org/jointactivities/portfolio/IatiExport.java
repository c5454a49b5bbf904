package org.jointactivities.portfolio;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.ThematicArea;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.amendment.Amendment;
import org.jointactivities.amendment.AmendmentStatus;
import org.jointactivities.document.DocumentType;
import org.jointactivities.document.PublicDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes activities as an IATI 2.03 activity file ({@code iati-activities}), valid against the
 * schema in {@code shared/reference/iati-2.03/}. Elements come in the order the schema's sequence
 * requires: identifier, reporting-org, title, descriptions, participating-orgs, status, dates,
 * recipient countries, sectors, budgets, document-links. It also keeps the IATI Standard's rulesets
 * (IATI-Rulesets, {@code standard.json}), which the official validator applies beyond the schema:
 * IatiRulesetsTest checks each rule on exported activities.
 *
 * <p>The lead agency reports each activity: the identifier is {@code <lead iati-ref>-<reference>},
 * e.g. {@code XM-DAC-41128-JA-2026-0001}, so it starts with the reporting organisation's
 * identifier as IATI requires. Which activities are published (all states, or only signed ones)
 * is the caller's choice.
 *
 * <p>Budgets: IATI refuses budget periods over a year, so the budget is split by calendar year (both
 * agencies' financial year; IATI recommends the reporter's), the first and last cut to the activity's
 * dates, prorated by days, each rounded down to the cent and the last taking the remainder, so that
 * they add up to the total exactly. All are 1 Indicative: planned figures, not legal commitments.
 * Once an amendment changed the budget or the dates (which moves money between years), the budget
 * as signed stays as type 1 Original and the current one follows as type 2 Revised: IATI's guidance
 * adds a revision next to the original rather than overwriting it, the schema allows both for the
 * same period, and only budgets of one type must not overlap. With calendar years both types share
 * every whole year's period. Data users take the revised budgets where there are any.
 */
@Component
public class IatiExport {

  static final String IATI_VERSION = "2.03";

  /** OrganisationType 40: Multilateral (both UN-system agencies). */
  private static final String MULTILATERAL = "40";

  /** OrganisationRole codes (codelists/OrganisationRole.xml). */
  private static final String ROLE_FUNDING = "1";
  private static final String ROLE_IMPLEMENTING = "4";

  /** DescriptionType: 1 General (our summary), 2 Objectives. */
  private static final String DESCRIPTION_GENERAL = "1";
  private static final String DESCRIPTION_OBJECTIVES = "2";

  /** ActivityDateType (codelists/ActivityDateType.xml): 1 Planned start, 3 Planned End. */
  private static final String PLANNED_START = "1";
  private static final String ACTUAL_START = "2";
  private static final String PLANNED_END = "3";
  private static final String ACTUAL_END = "4";

  /** SectorVocabulary: 1 OECD DAC CRS Purpose Codes (5 digit), 99 Reporting Organisation. */
  private static final String DAC_5_DIGIT = "1";
  private static final String REPORTING_ORGANISATION = "99";

  /**
   * The DAC CRS purpose code for every activity. All three of our thematic areas fall under 15190
   * "Facilitation of orderly, safe, regular and responsible migration and mobility": its CRS
   * description names "legal and judicial development (including border management)" and "the
   * transnational response to smuggling of migrants and preventing and combating trafficking in
   * human beings"; 15130 (Legal and judicial development) itself says to use 15190 for border
   * management related to migration, and 15160 (Human rights) to use it for migrants who are victims
   * of trafficking. 15210 (Security system reform) is about democratic control of the security
   * system, not our work. So the DAC vocabulary carries one sector at 100%, and the thematic areas
   * themselves follow under vocabulary 99 (the reporting organisation's own), split evenly.
   */
  private static final String DAC_MIGRATION = "15190";
  private static final String DAC_MIGRATION_NAME =
      "Facilitation of orderly, safe, regular and responsible migration and mobility";

  /**
   * Language of documents: we do not record one, and the agencies work and write their proposals in
   * English, the activity's default language ({@code xml:lang}).
   */
  private static final String DOCUMENT_LANGUAGE = "en";

  /** BudgetType 1 Original and 2 Revised, BudgetStatus 1 Indicative. */
  private static final String BUDGET_ORIGINAL = "1";
  private static final String BUDGET_REVISED = "2";
  private static final String BUDGET_INDICATIVE = "1";

  /**
   * An activity's budget as signed, before amendments changed its total or dates: what the export
   * publishes as the original budget next to the revised one.
   */
  public record SignedBudget(LocalDate start, LocalDate end, BigDecimal total) {

    /**
     * The budget as signed, from the activity's amendments: each value the first applied amendment
     * that changed it replaced (amendments keep the values they replaced). Empty when no amendment
     * changed the total or the dates.
     */
    public static Optional<SignedBudget> of(JointActivity activity, List<Amendment> amendments) {
      List<Amendment> applied = amendments.stream().filter(a -> a.getStatus() == AmendmentStatus.APPLIED)
          .sorted(Comparator.comparingInt(Amendment::getNumber)).toList();
      LocalDate start = first(applied, Amendment::getPreviousStartDate, activity.getPlannedStartDate());
      LocalDate end = first(applied, Amendment::getPreviousEndDate, activity.getPlannedEndDate());
      BigDecimal total = first(applied, Amendment::getPreviousTotalBudget, activity.getTotalBudget());
      boolean changed = !start.equals(activity.getPlannedStartDate()) || !end.equals(activity.getPlannedEndDate())
          || total.compareTo(activity.getTotalBudget()) != 0;
      return changed ? Optional.of(new SignedBudget(start, end, total)) : Optional.empty();
    }

    private static <T> T first(List<Amendment> applied, Function<Amendment, T> previous, T current) {
      return applied.stream().map(previous).filter(Objects::nonNull).findFirst().orElse(current);
    }
  }

  /** One budget period and its amount. */
  record BudgetPeriod(LocalDate start, LocalDate end, BigDecimal value) {}

  private final AgencyDirectory agencies;
  private final Supplier<Instant> clock;

  @Autowired
  public IatiExport(AgencyDirectory agencies) {
    this(agencies, () -> ClockUtil.getCurrentTime().toInstant());
  }

  IatiExport(AgencyDirectory agencies, Supplier<Instant> clock) {
    this.agencies = agencies;
    this.clock = clock;
  }

  /**
   * Writes the activities, in the given order, as one UTF-8 {@code iati-activities} document. The
   * stream is flushed, not closed. {@code signedBudgets} holds, by reference, the budget as signed of
   * each activity whose budget or dates an amendment changed ({@link SignedBudget#of}), and
   * {@code documents}, by reference, the public documents of each activity, linked as document-links.
   *
   * <p>Everything that could fail is checked before the first byte is written, so a refusal never
   * leaves half a document in {@code out}:
   *
   * @throws NoSuchElementException if there are no activities: the 2.03 schema requires at least one
   *     {@code iati-activity} in {@code iati-activities}, so an empty file would not be valid
   * @throws IllegalStateException if an activity's agency has no {@code iati-ref} configured
   * @throws IllegalArgumentException if an activity names an agency that is not configured
   * @throws UncheckedIOException if writing to {@code out} fails
   */
  public void write(List<JointActivity> activities, Map<String, SignedBudget> signedBudgets,
      Map<String, List<PublicDocument>> documents, OutputStream out) {
    Map<String, String> firstByAgency = new LinkedHashMap<>();
    activities.forEach(activity -> activity.agencies().forEach(code -> firstByAgency.putIfAbsent(code, activity.getReference())));
    write(firstByAgency, each -> activities.forEach(activity -> each.accept(new Published(activity,
        signedBudgets.get(activity.getReference()), documents.getOrDefault(activity.getReference(), List.of())))), out);
  }

  /** An activity to write, with its budget as signed (or null) and its public documents. */
  public record Published(JointActivity activity, SignedBudget signed, List<PublicDocument> documents) {}

  /** The activities to write, in order; they may be read a page at a time while the document is written. */
  @FunctionalInterface
  public interface Activities {
    void forEach(Consumer<Published> each);
  }

  /**
   * As {@link #write(List, Map, Map, OutputStream)}, for activities that are read while they are
   * written: {@code agencies} names, for each agency of the activities, one activity of it (for the
   * refusal's message), so that the checks still come before the first byte; none means no activity.
   */
  public void write(Map<String, String> agencies, Activities activities, OutputStream out) {
    if (agencies.isEmpty()) {
      throw new NoSuchElementException(
          "No activities to export: an IATI 2.03 file needs at least one iati-activity");
    }
    agencies.forEach((code, reference) -> {
      Agency agency = this.agencies.get(code);
      if (agency.iatiRef() == null || agency.iatiRef().isBlank()) {
        throw new IllegalStateException("Cannot export " + reference + " to IATI: agency "
            + agency.code() + " has no iati-ref configured (joint-activities.agencies)");
      }
    });
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("iati-activities");
      xml.writeAttribute("version", IATI_VERSION);
      xml.writeAttribute("generated-datetime", dateTime(clock.get()));
      activities.forEach(published -> {
        try {
          writeActivity(xml, published.activity(), published.signed(), published.documents());
        } catch (XMLStreamException e) {
          throw new UncheckedXmlException(e);
        }
      });
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException | UncheckedXmlException e) {
      Throwable cause = e instanceof UncheckedXmlException unchecked ? unchecked.getCause() : e;
      throw new UncheckedIOException("Writing the IATI export failed",
          cause.getCause() instanceof IOException io ? io : new IOException(cause));
    }
  }

  /** An XML failure carried out of the activities' callback. */
  private static final class UncheckedXmlException extends RuntimeException {
    UncheckedXmlException(XMLStreamException cause) {
      super(cause);
    }
  }

  private void writeActivity(XMLStreamWriter xml, JointActivity activity, SignedBudget signed,
      List<PublicDocument> documents) throws XMLStreamException {
    Agency lead = agencies.get(activity.getLeadAgency());
    Agency partner = agencies.get(activity.getPartnerAgency());

    xml.writeStartElement("iati-activity");
    xml.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang", "en");
    xml.writeAttribute("default-currency", activity.getCurrency());
    xml.writeAttribute("last-updated-datetime", dateTime(activity.getUpdatedAt()));

    element(xml, "iati-identifier", lead.iatiRef() + "-" + activity.getReference());

    xml.writeStartElement("reporting-org");
    xml.writeAttribute("ref", lead.iatiRef());
    xml.writeAttribute("type", MULTILATERAL);
    narrative(xml, lead.name());
    xml.writeEndElement();

    xml.writeStartElement("title");
    narrative(xml, activity.getTitle());
    xml.writeEndElement();

    description(xml, DESCRIPTION_GENERAL, activity.getSummary());
    description(xml, DESCRIPTION_OBJECTIVES, activity.getObjectives());

    // Each agency funds the activity with its contribution (funding role only when it gives
    // something; one of them may give nothing), and both carry it out together.
    if (activity.getLeadContribution().signum() > 0) {
      participatingOrg(xml, lead, ROLE_FUNDING);
    }
    if (activity.getPartnerContribution().signum() > 0) {
      participatingOrg(xml, partner, ROLE_FUNDING);
    }
    participatingOrg(xml, lead, ROLE_IMPLEMENTING);
    participatingOrg(xml, partner, ROLE_IMPLEMENTING);

    xml.writeEmptyElement("activity-status");
    xml.writeAttribute("code", activityStatus(activity.getState()));

    activityDate(xml, PLANNED_START, activity.getPlannedStartDate().toString());
    if (activity.getActivatedAt() != null) {
      activityDate(xml, ACTUAL_START, activity.getActivatedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
    }
    activityDate(xml, PLANNED_END, activity.getPlannedEndDate().toString());
    if (activity.getEndedAt() != null) {
      activityDate(xml, ACTUAL_END, activity.getEndedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
    }

    List<String> countries = new ArrayList<>(activity.getCountries());
    List<String> countryShares = evenPercentages(countries.size());
    for (int i = 0; i < countries.size(); i++) {
      xml.writeEmptyElement("recipient-country");
      xml.writeAttribute("code", countries.get(i));
      xml.writeAttribute("percentage", countryShares.get(i));
    }

    xml.writeStartElement("sector");
    xml.writeAttribute("vocabulary", DAC_5_DIGIT);
    xml.writeAttribute("code", DAC_MIGRATION);
    xml.writeAttribute("percentage", "100");
    narrative(xml, DAC_MIGRATION_NAME);
    xml.writeEndElement();
    List<ThematicArea> themes = activity.getThematicAreas().stream()
        .sorted(Comparator.naturalOrder()).toList();
    List<String> themeShares = evenPercentages(themes.size());
    for (int i = 0; i < themes.size(); i++) {
      xml.writeStartElement("sector");
      xml.writeAttribute("vocabulary", REPORTING_ORGANISATION);
      xml.writeAttribute("code", themes.get(i).name());
      xml.writeAttribute("percentage", themeShares.get(i));
      narrative(xml, themeName(themes.get(i)));
      xml.writeEndElement();
    }

    List<BudgetPeriod> current = budgetPeriods(activity.getPlannedStartDate(), activity.getPlannedEndDate(),
        activity.getTotalBudget());
    if (signed == null) {
      budgets(xml, BUDGET_ORIGINAL, current);
    } else {
      budgets(xml, BUDGET_ORIGINAL, budgetPeriods(signed.start(), signed.end(), signed.total()));
      budgets(xml, BUDGET_REVISED, current);
    }

    for (PublicDocument document : documents) {
      documentLink(xml, document);
    }

    xml.writeEndElement();
  }

  /**
   * A public document: where the public opens it, its IANA media type (the FileFormat codelist is
   * IANA's list, and every kind of file we accept is on it), its title, category, language and the
   * day its newest version was uploaded.
   */
  private static void documentLink(XMLStreamWriter xml, PublicDocument document) throws XMLStreamException {
    xml.writeStartElement("document-link");
    xml.writeAttribute("url", document.url());
    xml.writeAttribute("format", document.contentType());
    xml.writeStartElement("title");
    narrative(xml, document.title());
    xml.writeEndElement();
    xml.writeEmptyElement("category");
    xml.writeAttribute("code", documentCategory(document.type()));
    xml.writeEmptyElement("language");
    xml.writeAttribute("code", DOCUMENT_LANGUAGE);
    xml.writeEmptyElement("document-date");
    xml.writeAttribute("iso-date", document.uploadedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
    xml.writeEndElement();
  }

  /**
   * Our document types on IATI's DocumentCategory codelist (its activity-level A codes): a concept
   * note states the activity's A02 Objectives / Purpose, a budget is A05 Budget, report evidence
   * shows A08 Results, outcomes and outputs, and the signed agreement, agreed by both agencies, is
   * A09 Memorandum of understanding. The codelist has no "other": annexes and other documents
   * belong to the proposal and describe the activity, so A02 too. A06 (Summary information about
   * contract) and A11 (Contract) would say that there is a contract, which there is not.
   */
  static String documentCategory(DocumentType type) {
    return switch (type) {
      case CONCEPT_NOTE, ANNEX, OTHER -> "A02";
      case BUDGET -> "A05";
      case REPORT_EVIDENCE -> "A08";
      case SIGNED_AGREEMENT -> "A09";
    };
  }

  private static void budgets(XMLStreamWriter xml, String type, List<BudgetPeriod> periods) throws XMLStreamException {
    for (BudgetPeriod period : periods) {
      xml.writeStartElement("budget");
      xml.writeAttribute("type", type);
      xml.writeAttribute("status", BUDGET_INDICATIVE);
      xml.writeEmptyElement("period-start");
      xml.writeAttribute("iso-date", period.start().toString());
      xml.writeEmptyElement("period-end");
      xml.writeAttribute("iso-date", period.end().toString());
      xml.writeStartElement("value");
      xml.writeAttribute("value-date", period.start().toString());
      xml.writeCharacters(period.value().toPlainString());
      xml.writeEndElement();
      xml.writeEndElement();
    }
  }

  /**
   * The budget by calendar year from {@code start} to {@code end} (both included), each year's share
   * in proportion to its days: rounded down to the cent, the last period taking what rounding left,
   * so that the periods add up to {@code total} exactly.
   */
  static List<BudgetPeriod> budgetPeriods(LocalDate start, LocalDate end, BigDecimal total) {
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    List<BudgetPeriod> periods = new ArrayList<>();
    BigDecimal allotted = BigDecimal.ZERO;
    for (LocalDate from = start; !from.isAfter(end); ) {
      LocalDate to = from.getYear() == end.getYear() ? end : LocalDate.of(from.getYear(), 12, 31);
      BigDecimal value;
      if (to.equals(end)) {
        value = total.subtract(allotted);
      } else {
        value = total.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to) + 1))
            .divide(BigDecimal.valueOf(days), 2, RoundingMode.DOWN);
        allotted = allotted.add(value);
      }
      periods.add(new BudgetPeriod(from, to, value));
      from = to.plusDays(1);
    }
    return periods;
  }

  /**
   * Our lifecycle on the IATI ActivityStatus codelist (codelists/ActivityStatus.xml):
   * everything before work starts — proposal, review, sign-off — is 1 Pipeline/identification;
   * ACTIVE is 2 Implementation; SUSPENDED is 6 Suspended ("temporarily suspended"); FINAL_REPORTING
   * is 3 Finalisation (work done, reporting outstanding); CLOSED is 4 Closed; an activity that was
   * rejected, withdrawn or terminated will not (or no longer) happen: 5 Cancelled.
   */
  static String activityStatus(ActivityState state) {
    return switch (state) {
      case DRAFT, IN_REVIEW, CHANGES_REQUESTED, AWAITING_SIGNATURE, SIGNED -> "1";
      case ACTIVE -> "2";
      case SUSPENDED -> "6";
      case FINAL_REPORTING -> "3";
      case CLOSED -> "4";
      case REJECTED, WITHDRAWN, TERMINATED -> "5";
    };
  }

  /**
   * {@code n} shares of 100 with two decimals that add up to exactly 100: the hundredths left over
   * by the even split go one each to the first shares (3 → 33.34, 33.33, 33.33).
   */
  static List<String> evenPercentages(int n) {
    List<String> shares = new ArrayList<>(n);
    if (n == 0) {
      return shares;
    }
    int base = 10_000 / n;
    int remainder = 10_000 % n;
    for (int i = 0; i < n; i++) {
      int hundredths = base + (i < remainder ? 1 : 0);
      shares.add(BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString());
    }
    return shares;
  }

  private static String themeName(ThematicArea theme) {
    return switch (theme) {
      case TRAFFICKING_IN_PERSONS -> "Trafficking in persons";
      case SMUGGLING_OF_MIGRANTS -> "Smuggling of migrants";
      case BORDER_MANAGEMENT -> "Border management";
    };
  }

  private static void participatingOrg(XMLStreamWriter xml, Agency agency, String role) throws XMLStreamException {
    xml.writeStartElement("participating-org");
    xml.writeAttribute("ref", agency.iatiRef());
    xml.writeAttribute("type", MULTILATERAL);
    xml.writeAttribute("role", role);
    narrative(xml, agency.name());
    xml.writeEndElement();
  }

  private static void description(XMLStreamWriter xml, String type, String text) throws XMLStreamException {
    xml.writeStartElement("description");
    xml.writeAttribute("type", type);
    narrative(xml, text);
    xml.writeEndElement();
  }

  private static void activityDate(XMLStreamWriter xml, String type, String isoDate) throws XMLStreamException {
    xml.writeEmptyElement("activity-date");
    xml.writeAttribute("type", type);
    xml.writeAttribute("iso-date", isoDate);
  }

  private static void narrative(XMLStreamWriter xml, String text) throws XMLStreamException {
    element(xml, "narrative", text);
  }

  /** StAX escapes markup characters; {@link #xmlChars} removes what XML cannot hold at all. */
  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(xmlChars(text));
    xml.writeEndElement();
  }

  /**
   * The text with every character that XML 1.0 does not allow (control characters other than tab,
   * line feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF) replaced by U+FFFD.
   * StAX escapes {@code < & >} but writes such characters through, which would make the file
   * unreadable. Proposals refuse control characters already; older or imported rows may not.
   */
  static String xmlChars(String text) {
    StringBuilder clean = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      boolean allowed = c == 0x9 || c == 0xA || c == 0xD
          || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD)
          || (c >= 0x10000 && c <= 0x10FFFF);
      if (!allowed && clean == null) {
        clean = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (clean != null) {
        if (allowed) {
          clean.appendCodePoint(c);
        } else {
          clean.append('\uFFFD');
        }
      }
      i += width;
    }
    return clean == null ? text : clean.toString();
  }

  private static String dateTime(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
