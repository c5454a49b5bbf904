package org.jointactivities.exchange;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.agency.Agency;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.agency.Role;
import org.jointactivities.deadline.DueDates;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.FieldProblem;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The server-side rules of an information request: the form's own, the providing agency another
 * configured one, the date ahead, a linked activity one the requesting agency is party to, and with
 * personal data its legal basis and protection. All problems are reported at once.
 */
@Component
class RequestValidator {

  static final String WHAT = "Information request";
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final Validator validator;
  private final AgencyDirectory agencies;
  private final IdentityLookup identity;
  private final JointActivityRepository activities;
  private final DueDates dueDates;

  RequestValidator(Validator validator, AgencyDirectory agencies, IdentityLookup identity,
      JointActivityRepository activities, DueDates dueDates) {
    this.validator = validator;
    this.agencies = agencies;
    this.identity = identity;
    this.activities = activities;
    this.dueDates = dueDates;
  }

  /** The agency a person asks for: the one whose programme officers they are. */
  Agency requestingAgencyOf(String requester) {
    List<Agency> own = agencies.ofRole(identity.groupsOf(requester), Role.OFFICER);
    if (own.size() != 1) {
      throw new ActionRefusedException(own.isEmpty()
          ? requester + " is no programme officer of any agency and so cannot request information"
          : requester + " is a programme officer of " + own.stream().map(Agency::code).collect(Collectors.joining(" and "))
              + ": an information request must come from one agency");
    }
    return own.get(0);
  }

  RequestDetails validate(RequestForm.Reading reading, Agency requesting) {
    List<FieldProblem> problems = new ArrayList<>(reading.problems());
    RequestDetails d = reading.details();
    Set<String> unreadable = reading.problems().stream().map(FieldProblem::field).collect(Collectors.toSet());
    for (ConstraintViolation<RequestDetails> violation : validator.validate(d)) {
      String field = violation.getPropertyPath().toString();
      if (!unreadable.contains(field)) {
        problems.add(new FieldProblem(field, violation.getMessage()));
      }
    }
    if (d.providingAgency() != null && !d.providingAgency().isBlank()) {
      if (agencies.find(d.providingAgency()).isEmpty()) {
        problems.add(new FieldProblem("providingAgency", "'" + d.providingAgency() + "' is not a configured agency"));
      } else if (requesting.code().equals(d.providingAgency())) {
        problems.add(new FieldProblem("providingAgency", "must be another agency than yours (" + requesting.code() + ")"));
      }
    }
    if (d.neededBy() != null && !d.neededBy().isAfter(dueDates.today())) {
      problems.add(new FieldProblem("neededBy", "must be after today"));
    }
    if (d.activityReference() != null && d.activityReference().length() <= 20) {
      activities.findByReference(d.activityReference()).ifPresentOrElse(activity -> {
        if (!activity.getLeadAgency().equals(requesting.code()) && !activity.getPartnerAgency().equals(requesting.code())) {
          problems.add(new FieldProblem("activityReference", requesting.code() + " is no party to " + d.activityReference()));
        }
      }, () -> problems.add(new FieldProblem("activityReference", "no joint activity has the reference '"
          + d.activityReference() + "'")));
    }
    for (String country : d.countries()) {
      if (!COUNTRIES.contains(country)) {
        problems.add(new FieldProblem("countries", "'" + country + "' is not an ISO 3166 alpha-2 country code"));
      }
    }
    if (d.personalData()) {
      if (d.legalBasis() == null) {
        problems.add(new FieldProblem("legalBasis", "is required when personal data is involved"));
      }
      if (d.protectionMeasures() == null) {
        problems.add(new FieldProblem("protectionMeasures", "is required when personal data is involved"));
      }
    }
    if (!problems.isEmpty()) {
      problems.sort((a, b) -> Integer.compare(order(a.field()), order(b.field())));
      throw new InvalidInputException(WHAT, problems.stream().distinct().toList());
    }
    return d;
  }

  private static int order(String field) {
    int index = RequestForm.FIELDS.indexOf(field);
    return index < 0 ? RequestForm.FIELDS.size() : index;
  }
}
