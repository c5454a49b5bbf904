package org.jointactivities.amendment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jointactivities.activity.ActivityAccess;
import org.jointactivities.activity.ActivityChanges;
import org.jointactivities.activity.ActivityRegistry;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.ActivityStateChanged;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.AuditEntry;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.agency.AgencyDirectory;
import org.jointactivities.deadline.DueDates;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.jointactivities.reporting.ProgressReport;
import org.jointactivities.reporting.ProgressReports;
import org.jointactivities.reporting.ReportingSchedule;
import org.jointactivities.rules.ActionRefusedException;
import org.jointactivities.rules.FieldProblem;
import org.jointactivities.rules.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Amendments of signed activities (PRODUCT.md §4): requested by a programme officer of either
 * agency, one at a time, reviewed by both agencies and signed in the same DualAgencySignOff as
 * a proposal. Reviewers' decisions share the step {@code amendment-<id>-review-<round>}; the
 * model's completion condition {@code ${amendments.anyRejection(amendmentId, amendmentReviewRound)}}
 * ends a round at the first rejection.
 */
@Service("amendments")
@Transactional
public class Amendments {

  private final AmendmentRepository amendments;
  private final ActivityRegistry registry;
  private final ActivityAccess access;
  private final AgencyDirectory agencies;
  private final IdentityLookup identity;
  private final ReportingSchedule schedule;
  private final DueDates dueDates;
  private final ProgressReports reports;
  private final RuntimeService runtime;
  private final AsSystem asSystem;

  public Amendments(AmendmentRepository amendments, ActivityRegistry registry, ActivityAccess access,
      AgencyDirectory agencies,
      IdentityLookup identity, ReportingSchedule schedule, DueDates dueDates, ProgressReports reports, RuntimeService runtime, AsSystem asSystem) {
    this.amendments = amendments;
    this.registry = registry;
    this.access = access;
    this.agencies = agencies;
    this.identity = identity;
    this.schedule = schedule;
    this.dueDates = dueDates;
    this.reports = reports;
    this.runtime = runtime;
    this.asSystem = asSystem;
  }

  /** Checks and records a request from the start form; refused whole, with the field and rule, if anything is wrong. */
  Amendment register(Map<String, Object> form, String requester, String processInstanceId) {
    if (requester == null) {
      throw new ActionRefusedException("An amendment must be requested by a logged-in programme officer");
    }
    String reference = AmendmentForm.reference(form);
    JointActivity activity;
    try {
      // another agency's activity answers like an unknown one: its existence is not disclosed
      activity = access.readable(reference, requester);
    } catch (NoSuchElementException e) {
      throw new InvalidInputException(AmendmentForm.WHAT, "activityReference", "no joint activity has the reference " + reference);
    }
    Set<String> groups = identity.groupsOf(requester);
    String agency = activity.agencies().stream().filter(code -> groups.contains(agencies.officers(code))).findFirst()
        .orElseThrow(() -> new ActionRefusedException(requester + " may not request an amendment of " + reference
            + ": only programme officers of " + String.join(" or ", activity.agencies()) + " may"));
    amendments.findByOpenForActivity(activity.getId()).ifPresent(open -> {
      throw new InvalidInputException(AmendmentForm.WHAT, "activityReference", reference + " already has amendment "
          + open.getNumber() + " in progress; one amendment at a time");
    });
    if (activity.getState() == ActivityState.SUSPENDED && reports.finalReportOpened(activity.getId())) {
      throw new InvalidInputException(AmendmentForm.WHAT, "activityReference", reference
          + " is suspended in final reporting: its last reporting period has ended, so it can no longer be amended");
    }
    AmendmentForm.Request request = AmendmentForm.read(form, activity, today());
    List<FieldProblem> overtaken = overtaken(activity, request.changes());
    if (!overtaken.isEmpty()) {
      throw new InvalidInputException(AmendmentForm.WHAT, overtaken);
    }
    Amendment amendment;
    try {
      amendment = amendments.saveAndFlush(new Amendment(activity, amendments.countByActivityId(activity.getId()) + 1,
          requester, agency, request.justification(), request.changes(), processInstanceId, now()));
    } catch (DataIntegrityViolationException sameMoment) {
      String constraint = String.valueOf(sameMoment.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
      if (!constraint.contains("uk_amendment_open") && !constraint.contains("uk_amendment_number")) {
        throw sameMoment;
      }
      // another request for this activity was saved at the same moment: the database keeps one
      throw new InvalidInputException(AmendmentForm.WHAT, "activityReference", reference
          + " already has an amendment in progress; one amendment at a time");
    }
    registry.record(activity.getId(), requester, agency, AuditAction.AMENDMENT_REQUESTED, step(amendment), null,
        describe(amendment, activity));
    return amendment;
  }

  /** After the joint review: an approved amendment goes to signature (APPROVED), any other is REJECTED. */
  String concludeReview(long amendmentId, int round, String reviewOutcome) {
    Amendment amendment = get(amendmentId);
    boolean approved = "APPROVED".equals(reviewOutcome);
    if (approved) {
      amendment.awaitSignature();
      registry.record(amendment.getActivityId(), null, null, AuditAction.AMENDMENT_SIGNATURE_REQUESTED,
          reviewStep(amendment, round), null, null);
    }
    return approved ? "APPROVED" : "REJECTED";
  }

  void backToReview(long amendmentId) {
    get(amendmentId).backToReview();
  }

  /**
   * Signed by both agencies: the registry takes the new values, the amendment keeps the old, the
   * schedule follows. Returns false, and refuses the amendment, when time has overtaken it while it
   * was reviewed and signed.
   */
  boolean apply(long amendmentId) {
    Amendment amendment = get(amendmentId);
    JointActivity activity = registry.get(amendment.getActivityId());
    List<FieldProblem> overtaken = overtaken(activity, amendment.changes());
    if (!overtaken.isEmpty()) {
      amendment.close(AmendmentStatus.REJECTED, now());
      registry.record(activity.getId(), null, null, AuditAction.AMENDMENT_REFUSED, step(amendment), null,
          "Signed, but no longer applicable: " + overtaken.stream().map(FieldProblem::toString)
              .collect(Collectors.joining("; ")));
      return false;
    }
    amendment.applied(activity, now());
    JointActivity amended = registry.amend(activity.getId(), amendment.changes(), step(amendment),
        "Amendment " + amendment.getNumber() + " applied");
    String implementation = amended.getProcessInstanceId();
    asSystem.run(() -> {
      Object period = runtime.getVariable(implementation, "reportingPeriod");
      schedule.reschedule(amended, implementation, period instanceof Number number ? number.intValue() : 1);
    });
    return true;
  }

  /**
   * The rules time can break between request and signature: a start date changes only before the
   * activity starts, and the end date neither lies in the past nor cuts into a period already
   * reported on.
   */
  private List<FieldProblem> overtaken(JointActivity activity, ActivityChanges changes) {
    List<FieldProblem> problems = new ArrayList<>();
    if (changes.startDate() != null && activity.getState() != ActivityState.SIGNED) {
      problems.add(new FieldProblem("newStartDate", "cannot change: the activity started on " + activity.getPlannedStartDate()));
    }
    if (changes.endDate() != null) {
      LocalDate today = today();
      Optional<LocalDate> reported = reports.forActivity(activity.getId()).stream().map(ProgressReport::getPeriodEnd)
          .max(Comparator.naturalOrder());
      if (changes.endDate().isBefore(today)) {
        problems.add(new FieldProblem("newEndDate", "must not lie in the past (today is " + today + ")"));
      } else if (reported.isPresent() && !changes.endDate().isAfter(reported.get())) {
        problems.add(new FieldProblem("newEndDate", "must be after " + reported.get()
            + ", the end of the last period already reported on"));
      }
    }
    return problems;
  }

  /** Rejected in review or declined at sign-off for good. */
  void refuse(long amendmentId) {
    Amendment amendment = get(amendmentId);
    amendment.close(AmendmentStatus.REJECTED, now());
    registry.record(amendment.getActivityId(), null, null, AuditAction.AMENDMENT_REFUSED, step(amendment), null, null);
  }

  /**
   * An amendment still open when the activity enters its final reporting, or ends, can no longer
   * apply: it is cancelled with its process.
   */
  @EventListener(condition = "#change.activity.state.name() matches 'FINAL_REPORTING|CLOSED|TERMINATED'")
  void activityEnding(ActivityStateChanged change) {
    JointActivity activity = change.activity();
    amendments.findByOpenForActivity(activity.getId()).ifPresent(open -> {
      open.close(AmendmentStatus.CANCELLED, now());
      String reason = "Cancelled: " + activity.getReference() + " is now " + activity.getState();
      registry.record(activity.getId(), null, null, AuditAction.AMENDMENT_CANCELLED, step(open), null, reason);
      asSystem.run(() -> {
        if (runtime.createProcessInstanceQuery().processInstanceId(open.getProcessInstanceId()).count() > 0) {
          runtime.deleteProcessInstance(open.getProcessInstanceId(), reason);
        }
      });
    });
  }

  @Transactional(readOnly = true)
  public Amendment get(long amendmentId) {
    return amendments.findById(amendmentId).orElseThrow(() -> new NoSuchElementException("No amendment with id " + amendmentId));
  }

  @Transactional(readOnly = true)
  public List<Amendment> forActivity(long activityId) {
    return amendments.findByActivityIdOrderByNumberAsc(activityId);
  }

  /** What the amendment changes, from what to what, and why: what reviewers and signatories decide on. */
  public static String describe(Amendment amendment, JointActivity activity) {
    List<String> changes = new ArrayList<>();
    ActivityChanges c = amendment.changes();
    if (c.startDate() != null) {
      changes.add("planned start date " + activity.getPlannedStartDate() + " → " + c.startDate());
    }
    if (c.endDate() != null) {
      changes.add("planned end date " + activity.getPlannedEndDate() + " → " + c.endDate());
    }
    if (c.totalBudget() != null) {
      changes.add("budget " + plain(activity.getTotalBudget()) + " → " + plain(c.totalBudget()) + " " + activity.getCurrency()
          + " (" + activity.getLeadAgency() + " " + plain(c.leadContribution()) + ", " + activity.getPartnerAgency() + " "
          + plain(c.partnerContribution()) + ")");
    }
    if (c.objectives() != null) {
      changes.add("objectives → " + c.objectives());
    }
    if (c.deliverables() != null) {
      changes.add("deliverables → " + String.join("; ", c.deliverables()));
    }
    return "Amendment " + amendment.getNumber() + " of " + activity.getReference() + ", requested by "
        + amendment.getRequestedBy() + " (" + amendment.getRequestedFor() + "): " + String.join("; ", changes)
        + ".\nJustification: " + amendment.getJustification();
  }

  static String step(Amendment amendment) {
    return "amendment-" + amendment.getNumber();
  }

  static String reviewStep(Amendment amendment, int round) {
    return step(amendment) + "-review-" + round;
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private LocalDate today() {
    return dueDates.today();
  }
}
