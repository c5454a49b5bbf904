package org.jointactivities.proposal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jointactivities.activity.ActivityDetails;
import org.jointactivities.activity.CorruptionRisk;
import org.jointactivities.activity.CurrencyProperties;
import org.jointactivities.rules.FieldProblem;
import org.jointactivities.rules.InvalidInputException;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.stereotype.Component;

/**
 * The server-side rules of a proposal (PRODUCT.md §1). Field rules come from the Bean
 * Validation annotations on {@link ActivityDetails}; rules across fields and against the
 * configured agencies, currencies and users are checked here. All problems are reported at once.
 */
@Component
public class ProposalValidator {

  static final int MAX_DURATION_YEARS = 5;
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final Validator validator;
  private final AgencyDirectory agencies;
  private final CurrencyProperties currencies;
  private final IdentityLookup identity;

  public ProposalValidator(Validator validator, AgencyDirectory agencies, CurrencyProperties currencies,
      IdentityLookup identity) {
    this.validator = validator;
    this.agencies = agencies;
    this.currencies = currencies;
    this.identity = identity;
  }

  /** Checks a new proposal submitted by {@code proposer}, who must be an officer of the lead agency. */
  public ActivityDetails validateSubmission(ProposalForm.Reading reading, String proposer) {
    List<FieldProblem> problems = new ArrayList<>(reading.problems());
    ActivityDetails details = reading.details();
    problems.addAll(unlessUnreadable(check(details), reading.problems()));
    agencies.find(details.leadAgency()).ifPresent(lead -> {
      if (!identity.isMember(proposer, lead.groupId(Role.OFFICER))) {
        problems.add(new FieldProblem("leadAgency", proposer + " is not an officer of " + lead.code()
            + " and so cannot propose for it"));
      }
    });
    return verdict(details, problems);
  }

  /** Checks a revision: the same rules, and the two parties stay the same. */
  public ActivityDetails validateRevision(ProposalForm.Reading reading, String leadAgency, String partnerAgency) {
    List<FieldProblem> problems = new ArrayList<>(reading.problems());
    ActivityDetails details = reading.details();
    problems.addAll(unlessUnreadable(check(details), reading.problems()));
    if (details.leadAgency() != null && !leadAgency.equals(details.leadAgency())) {
      problems.add(new FieldProblem("leadAgency", "cannot change in a revision (was " + leadAgency + ")"));
    }
    if (details.partnerAgency() != null && !partnerAgency.equals(details.partnerAgency())) {
      problems.add(new FieldProblem("partnerAgency", "cannot change in a revision (was " + partnerAgency + ")"));
    }
    return verdict(details, problems);
  }

  /** A field that could not be read is reported once, not again as missing. */
  private static List<FieldProblem> unlessUnreadable(List<FieldProblem> found, List<FieldProblem> unreadable) {
    Set<String> skip = unreadable.stream().map(FieldProblem::field).collect(Collectors.toSet());
    return found.stream().filter(problem -> !skip.contains(baseField(problem.field()))).toList();
  }

  private ActivityDetails verdict(ActivityDetails details, List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(problem -> fieldOrder(problem.field())));
      throw new InvalidInputException("Proposal", problems.stream().distinct().toList());
    }
    return details;
  }

  private List<FieldProblem> check(ActivityDetails d) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<ActivityDetails> violation : validator.validate(d)) {
      String field = violation.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", "");
      problems.add(new FieldProblem(field, violation.getMessage()));
    }
    checkDates(d, problems);
    checkAgencies(d, problems);
    checkBudget(d, problems);
    for (String country : d.countries()) {
      if (!COUNTRIES.contains(country)) {
        problems.add(new FieldProblem("countries", "'" + country + "' is not an ISO 3166 alpha-2 country code"));
      }
    }
    if (d.corruptionRisk() != null && d.corruptionRisk() != CorruptionRisk.LOW
        && (d.riskMitigation() == null || d.riskMitigation().isBlank())) {
      problems.add(new FieldProblem("riskMitigation", "is required when the corruption risk is " + d.corruptionRisk()));
    }
    return problems;
  }

  private static void checkDates(ActivityDetails d, List<FieldProblem> problems) {
    LocalDate start = d.plannedStartDate();
    LocalDate end = d.plannedEndDate();
    if (start != null && (start.isBefore(EARLIEST) || start.isAfter(LATEST))) {
      problems.add(new FieldProblem("plannedStartDate", "must lie between " + EARLIEST + " and " + LATEST));
    }
    if (end != null && (end.isBefore(EARLIEST) || end.isAfter(LATEST))) {
      problems.add(new FieldProblem("plannedEndDate", "must lie between " + EARLIEST + " and " + LATEST));
    }
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        problems.add(new FieldProblem("plannedEndDate", "must be after the planned start date (" + start + ")"));
      } else if (end.isAfter(start.plusYears(MAX_DURATION_YEARS))) {
        problems.add(new FieldProblem("plannedEndDate",
            "must be at most " + MAX_DURATION_YEARS + " years after the planned start date (" + start + ")"));
      }
    }
  }

  private void checkAgencies(ActivityDetails d, List<FieldProblem> problems) {
    Agency lead = agencyOrProblem("leadAgency", d.leadAgency(), problems);
    Agency partner = agencyOrProblem("partnerAgency", d.partnerAgency(), problems);
    if (lead != null && lead.equals(partner)) {
      problems.add(new FieldProblem("partnerAgency", "must differ from the lead agency"));
    }
    if (lead != null) {
      checkFocalPoint("leadFocalPoint", d.leadFocalPoint(), lead, problems);
    }
    if (partner != null) {
      checkFocalPoint("partnerFocalPoint", d.partnerFocalPoint(), partner, problems);
    }
  }

  private Agency agencyOrProblem(String field, String code, List<FieldProblem> problems) {
    if (code == null || code.isBlank()) {
      return null; // reported as blank by Bean Validation
    }
    return agencies.find(code).orElseGet(() -> {
      problems.add(new FieldProblem(field, "'" + code + "' is not a configured agency ("
          + String.join(", ", agencies.all().stream().map(Agency::code).toList()) + ")"));
      return null;
    });
  }

  private void checkFocalPoint(String field, String userId, Agency agency, List<FieldProblem> problems) {
    if (userId == null || userId.isBlank()) {
      return;
    }
    String reviewers = agency.groupId(Role.REVIEWER);
    if (!identity.isMember(userId.strip(), reviewers)) {
      problems.add(new FieldProblem(field, "'" + userId.strip() + "' is not a reviewer (focal point) of "
          + agency.code() + ": no member of group " + reviewers));
    }
  }

  private void checkBudget(ActivityDetails d, List<FieldProblem> problems) {
    if (d.currency() != null && !d.currency().isBlank()) {
      if (!isIsoCurrency(d.currency())) {
        problems.add(new FieldProblem("currency", "'" + d.currency() + "' is not an ISO 4217 currency code"));
      } else if (!currencies.accepts(d.currency())) {
        problems.add(new FieldProblem("currency", d.currency() + " is not one of the currencies budgets are kept in ("
            + String.join(", ", currencies.currencies().keySet().stream().sorted().toList()) + ")"));
      }
    }
    if (d.totalBudget() != null && d.leadContribution() != null && d.partnerContribution() != null
        && d.leadContribution().add(d.partnerContribution()).compareTo(d.totalBudget()) != 0) {
      problems.add(new FieldProblem("totalBudget", "must equal the sum of the agencies' contributions ("
          + amount(d.leadContribution().add(d.partnerContribution())) + "), not " + amount(d.totalBudget())));
    }
  }

  /** 90000 rather than 90000.0 or 9E+4. */
  private static String amount(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static boolean isIsoCurrency(String code) {
    return Currency.getAvailableCurrencies().stream().anyMatch(currency -> currency.getCurrencyCode().equals(code));
  }

  private static String baseField(String field) {
    return field.contains("[") ? field.substring(0, field.indexOf('[')) : field;
  }

  private static int fieldOrder(String field) {
    int index = ProposalForm.FIELDS.indexOf(baseField(field));
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
