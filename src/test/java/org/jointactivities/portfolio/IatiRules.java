package org.jointactivities.portfolio;

import static org.jointactivities.portfolio.IatiXml.count;
import static org.jointactivities.portfolio.IatiXml.nodes;
import static org.jointactivities.portfolio.IatiXml.strings;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * The IATI Standard's rules beyond the schema, as the official validator applies them (IATI-Rulesets,
 * rulesets/standard.json, rule types in brackets), each checking one {@code iati-activity} and
 * answering what breaks it (nothing: kept). "Now" is the file's generated-datetime: the moment the
 * data speaks for. Written from the rules' descriptions, not the rulesets' code.
 */
final class IatiRules {

  /** One rule: the violations it finds in an activity. */
  interface Rule extends Function<Element, List<String>> {}

  /** The codes of IATI's DocumentCategory codelist (activity level: A01–A12). */
  static final Set<String> DOCUMENT_CATEGORIES = Set.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09",
      "A10", "A11", "A12");

  private IatiRules() {}

  /**
   * [startswith] The iati-identifier starts with the reporting organisation's identifier (the
   * Standard Ruleset's documentation lists this rule; the versions of standard.json read here did not).
   */
  static List<String> identifierStartsWithReportingOrg(Element activity) {
    String identifier = text(activity, "iati-identifier");
    String ref = text(activity, "reporting-org/@ref");
    return ref.isEmpty() || !identifier.startsWith(ref) ? List.of(identifier + " does not start with " + ref) : List.of();
  }

  /** [regex_matches] Identifiers and organisation refs hold no / & | or ?. */
  static List<String> identifiersHoldNoReservedCharacters(Element activity) {
    List<String> broken = new ArrayList<>();
    for (String path : List.of("reporting-org/@ref", "iati-identifier", "participating-org/@ref",
        "transaction/provider-org/@ref", "transaction/receiver-org/@ref")) {
      strings(activity, path).stream().filter(value -> !value.matches("[^/&|?]+"))
          .forEach(value -> broken.add(path + " " + value));
    }
    return broken;
  }

  /** No other activity of the file has the same iati-identifier: the Standard's guidance, which the validator checks. */
  static List<String> identifierIsUniqueInTheFile(Element activity) {
    String identifier = text(activity, "iati-identifier");
    long same = strings(activity.getOwnerDocument(), "//iati-activity/iati-identifier").stream()
        .filter(identifier::equals).count();
    return same == 1 ? List.of() : List.of(identifier + " appears " + same + " times");
  }

  /** [atleast_one] A start date, planned (1) or actual (2). */
  static List<String> hasAStartDate(Element activity) {
    return count(activity, "activity-date[@type='1' or @type='2']") > 0 ? List.of() : List.of("no start date");
  }

  /**
   * [atleast_one, one_or_all, only_one_of] Sectors at one level: on the activity, or on every
   * transaction instead, never on both.
   */
  static List<String> sectorsAtOneLevel(Element activity) {
    int own = count(activity, "sector");
    int inTransactions = count(activity, "transaction/sector");
    if (own > 0 && inTransactions > 0) {
      return List.of("sectors on the activity and on transactions");
    }
    if (own == 0 && (inTransactions == 0 || count(activity, "transaction[not(sector)]") > 0)) {
      return List.of("no sector for the activity or for every transaction");
    }
    return List.of();
  }

  /** [only_one_of] Recipient countries or regions on the activity, or on transactions, never on both. */
  static List<String> recipientsAtOneLevel(Element activity) {
    return count(activity, "recipient-country | recipient-region") > 0
        && count(activity, "transaction/recipient-country | transaction/recipient-region") > 0
        ? List.of("recipients on the activity and on transactions") : List.of();
  }

  /** [sum] Recipient country and region percentages add up to 100. */
  static List<String> recipientPercentagesSumTo100(Element activity) {
    return sumsTo100(activity, "recipient-country/@percentage | recipient-region/@percentage");
  }

  /** [strict_sum] Sectors of the DAC 5-digit vocabulary (1, the default) add up to 100. */
  static List<String> dacSectorPercentagesSumTo100(Element activity) {
    return sectorsSumTo100(activity, "sector[@vocabulary = '1' or not(@vocabulary)]");
  }

  /** [loop, strict_sum] Sectors of every other vocabulary add up to 100, each vocabulary on its own. */
  static List<String> otherVocabularySectorPercentagesSumTo100(Element activity) {
    List<String> broken = new ArrayList<>();
    for (String vocabulary : new LinkedHashSet<>(strings(activity, "sector[@vocabulary != '1']/@vocabulary"))) {
      broken.addAll(sectorsSumTo100(activity, "sector[@vocabulary = '" + vocabulary + "']"));
    }
    return broken;
  }

  /** [range] No percentage is negative. */
  static List<String> percentagesAreNotNegative(Element activity) {
    return strings(activity, "recipient-country/@percentage | recipient-region/@percentage | sector/@percentage"
        + " | capital-spend/@percentage").stream().filter(share -> new BigDecimal(share).signum() < 0).toList();
  }

  /** [if_then] Sectors of a reporting organisation's own vocabulary (98, 99) say what they are. */
  static List<String> ownVocabularySectorsHaveANarrative(Element activity) {
    return strings(activity, "sector[(@vocabulary = '98' or @vocabulary = '99') and not(narrative)]/@code");
  }

  /** [one_or_all, if_then] A default language (xml:lang), or a language on every narrative. */
  static List<String> hasADefaultLanguage(Element activity) {
    return !activity.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang").isEmpty()
        || count(activity, ".//narrative[not(@xml:lang)]") == 0 ? List.of() : List.of("narratives without a language");
  }

  /** [one_or_all, if_then] A default currency, or a currency on every value. */
  static List<String> hasADefaultCurrency(Element activity) {
    return !activity.getAttribute("default-currency").isEmpty() || count(activity, ".//value[not(@currency)]") == 0
        ? List.of() : List.of("values without a currency");
  }

  /** [date_now] last-updated-datetime is not in the future. */
  static List<String> lastUpdatedIsNotInTheFuture(Element activity) {
    String updated = activity.getAttribute("last-updated-datetime");
    return !updated.isEmpty() && OffsetDateTime.parse(updated).isAfter(OffsetDateTime.parse(generated(activity)))
        ? List.of(updated) : List.of();
  }

  /** [date_order] The planned start (1) is not after the planned end (3). */
  static List<String> plannedStartIsNotAfterPlannedEnd(Element activity) {
    return notAfter(activity, "activity-date[@type='1']/@iso-date", "activity-date[@type='3']/@iso-date");
  }

  /** [date_order] The actual start (2) is not after the actual end (4). */
  static List<String> actualStartIsNotAfterActualEnd(Element activity) {
    return notAfter(activity, "activity-date[@type='2']/@iso-date", "activity-date[@type='4']/@iso-date");
  }

  /** [date_order with NOW] Actual dates (2, 4), transaction dates and their value dates are not in the future. */
  static List<String> actualDatesAreNotInTheFuture(Element activity) {
    LocalDate now = OffsetDateTime.parse(generated(activity)).toLocalDate();
    return strings(activity, "activity-date[@type='2' or @type='4']/@iso-date | transaction/transaction-date/@iso-date"
        + " | transaction/value/@value-date").stream().filter(date -> LocalDate.parse(date).isAfter(now)).toList();
  }

  /** [date_order] A budget's period starts before it ends (or on the same day). */
  static List<String> budgetPeriodStartsBeforeItEnds(Element activity) {
    return eachBudget(activity, (start, end, valueDate) -> start.isAfter(end));
  }

  /** [time_limit] A budget's period is a year at most. */
  static List<String> budgetPeriodIsAtMostAYear(Element activity) {
    return eachBudget(activity, (start, end, valueDate) -> !end.isBefore(start.plusYears(1)));
  }

  /**
   * A budget's value has its value-date (the day of the exchange rate), within the period (as
   * [between_dates] asks of recipient-country budget lines).
   */
  static List<String> budgetValueDateIsWithinThePeriod(Element activity) {
    return eachBudget(activity, (start, end, valueDate) -> valueDate == null || valueDate.isBefore(start)
        || valueDate.isAfter(end));
  }

  /** [atleast_one] Each participating organisation has a ref or a name. */
  static List<String> participatingOrgsHaveARefOrAName(Element activity) {
    int nameless = count(activity, "participating-org[not(@ref) and not(narrative)]");
    return nameless == 0 ? List.of() : List.of(nameless + " participating-org without ref or narrative");
  }

  /**
   * The validator's codelist and link checks on document-links: an absolute http(s) URL, a media
   * type as format (FileFormat is IANA's list), a DocumentCategory code, and no date in the future.
   */
  static List<String> documentLinksAreOpenableAndCoded(Element activity) {
    List<String> broken = new ArrayList<>();
    LocalDate now = OffsetDateTime.parse(generated(activity)).toLocalDate();
    for (Element link : elements(activity, "document-link")) {
      URI url = URI.create(link.getAttribute("url"));
      if (!url.isAbsolute() || !url.getScheme().matches("https?") || url.getHost() == null) {
        broken.add("url " + url);
      }
      if (!link.getAttribute("format").matches("(application|text|image)/[a-z0-9.+-]+")) {
        broken.add("format " + link.getAttribute("format"));
      }
      strings(link, "category/@code").stream().filter(code -> !DOCUMENT_CATEGORIES.contains(code)).forEach(broken::add);
      strings(link, "document-date/@iso-date").stream().filter(date -> LocalDate.parse(date).isAfter(now)).forEach(broken::add);
    }
    return broken;
  }

  private interface BudgetCheck {
    boolean broken(LocalDate start, LocalDate end, LocalDate valueDate);
  }

  private static List<String> eachBudget(Element activity, BudgetCheck check) {
    List<String> broken = new ArrayList<>();
    for (Element budget : elements(activity, "budget")) {
      LocalDate start = LocalDate.parse(text(budget, "period-start/@iso-date"));
      LocalDate end = LocalDate.parse(text(budget, "period-end/@iso-date"));
      String valueDate = text(budget, "value/@value-date");
      if (check.broken(start, end, valueDate.isEmpty() ? null : LocalDate.parse(valueDate))) {
        broken.add("budget " + start + " to " + end + " valued " + valueDate);
      }
    }
    return broken;
  }

  private static List<String> notAfter(Element activity, String earlier, String later) {
    String first = text(activity, earlier);
    String second = text(activity, later);
    return !first.isEmpty() && !second.isEmpty() && LocalDate.parse(first).isAfter(LocalDate.parse(second))
        ? List.of(first + " after " + second) : List.of();
  }

  private static List<String> sumsTo100(Element activity, String percentages) {
    List<String> shares = strings(activity, percentages);
    BigDecimal sum = shares.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    return shares.isEmpty() || sum.compareTo(BigDecimal.valueOf(100)) == 0 ? List.of() : List.of(percentages + " sum to " + sum);
  }

  /** One sector without a percentage is all of it; several must each say their share. */
  private static List<String> sectorsSumTo100(Element activity, String sectors) {
    if (count(activity, sectors) == 1 && count(activity, sectors + "/@percentage") == 0) {
      return List.of();
    }
    if (count(activity, sectors + "[not(@percentage)]") > 0) {
      return List.of(sectors + " without percentage");
    }
    return sumsTo100(activity, sectors + "/@percentage");
  }

  private static String generated(Element activity) {
    return activity.getOwnerDocument().getDocumentElement().getAttribute("generated-datetime");
  }

  private static String text(Element context, String path) {
    List<String> values = strings(context, path);
    return values.isEmpty() ? "" : values.get(0);
  }

  private static List<Element> elements(Element context, String path) {
    List<Element> all = new ArrayList<>();
    for (int i = 0; i < nodes(context, path).getLength(); i++) {
      all.add((Element) nodes(context, path).item(i));
    }
    return all;
  }
}
