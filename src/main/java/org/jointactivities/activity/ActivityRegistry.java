package org.jointactivities.activity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The joint activity registry: the only place that changes an activity, and every change
 * leaves an audit entry. Runs inside the engine's transaction, so a refused task completion
 * rolls back the registry too. Time is the engine's clock, so that tests can move it.
 */
@Service
@Transactional
public class ActivityRegistry {

  private final JointActivityRepository activities;
  private final AuditEntryRepository audit;
  private final ReferenceNumbers referenceNumbers;
  private final ApplicationEventPublisher events;

  ActivityRegistry(JointActivityRepository activities, AuditEntryRepository audit, ReferenceNumbers referenceNumbers,
      ApplicationEventPublisher events) {
    this.activities = activities;
    this.audit = audit;
    this.referenceNumbers = referenceNumbers;
    this.events = events;
  }

  /** Registers a validated proposal under a new reference, in review. */
  public JointActivity submit(ActivityDetails details, String proposer, String agency, String processInstanceId) {
    Instant now = now();
    String reference = referenceNumbers.next("JA", now.atZone(ZoneOffset.UTC).getYear());
    JointActivity activity = new JointActivity(reference, details, proposer, now);
    activity.attachProcess(processInstanceId);
    activity.moveTo(ActivityState.IN_REVIEW, now);
    activities.save(activity);
    append(activity, proposer, agency, AuditAction.SUBMITTED, null, null, null);
    events.publishEvent(new ActivityStateChanged(activity, AuditAction.SUBMITTED, proposer, null));
    return activity;
  }

  @Transactional(readOnly = true)
  public JointActivity get(long id) {
    return activities.findById(id).orElseThrow(() -> new NoSuchElementException("No joint activity with id " + id));
  }

  @Transactional(readOnly = true)
  public List<JointActivity> inState(ActivityState state) {
    return activities.findByState(state);
  }

  @Transactional(readOnly = true)
  public JointActivity getByReference(String reference) {
    return activities.findByReference(reference)
        .orElseThrow(() -> new NoSuchElementException("No joint activity with reference " + reference));
  }

  /** Records a decision that does not by itself change the state (a review, a signature). */
  public void record(long activityId, String actor, String agency, AuditAction action, String step,
      String followUp, String comment) {
    append(get(activityId), actor, agency, action, step, followUp, comment);
  }

  /** Moves the activity to its next state and records why. */
  public JointActivity transition(long activityId, ActivityState next, String actor, String agency,
      AuditAction action, String step, String comment) {
    JointActivity activity = get(activityId);
    ActivityState before = activity.getState();
    activity.moveTo(next, now());
    append(activity, actor, agency, action, step, null, comment);
    if (before != next) {
      events.publishEvent(new ActivityStateChanged(activity, action, actor, comment));
    }
    return activity;
  }

  /** Applies a revised proposal after a request for changes and puts it back in review. */
  public JointActivity revise(long activityId, ActivityDetails details, String reviser, String agency) {
    JointActivity activity = get(activityId);
    Instant now = now();
    activity.apply(details);
    activity.countRevision(now);
    activity.moveTo(ActivityState.IN_REVIEW, now);
    append(activity, reviser, agency, AuditAction.REVISED, "revision-" + activity.getRevisionRound(), null, null);
    // back in review from CHANGES_REQUESTED: a change of state like any other (the review round
    // that follows finds the activity in review already and announces nothing)
    events.publishEvent(new ActivityStateChanged(activity, AuditAction.REVISED, reviser, null));
    return activity;
  }

  /** Applies a signed amendment; the amendment keeps the values it replaced. Both focal points hear of it. */
  public JointActivity amend(long activityId, ActivityChanges changes, String step, String comment) {
    JointActivity activity = get(activityId);
    activity.amend(changes, now());
    append(activity, null, null, AuditAction.ACTIVITY_AMENDED, step, null, comment);
    events.publishEvent(new ActivityStateChanged(activity, AuditAction.ACTIVITY_AMENDED, null, comment));
    return activity;
  }

  /** Holds the activity's row until the transaction ends: steps that must not overlap take it first. */
  public void lock(long activityId) {
    activities.lockById(activityId).orElseThrow(() -> new NoSuchElementException("No joint activity with id " + activityId));
  }

  /** The activity's current process: the proposal until it is signed, then its implementation. */
  public void attachProcess(long activityId, String processInstanceId) {
    get(activityId).attachProcess(processInstanceId);
  }

  @Transactional(readOnly = true)
  public List<AuditEntry> auditTrail(long activityId) {
    return audit.findByActivityIdOrderByIdAsc(activityId);
  }

  @Transactional(readOnly = true)
  public List<AuditEntry> entriesOfStep(long activityId, String step) {
    return audit.findByActivityIdAndStepOrderByIdAsc(activityId, step);
  }

  /**
   * Everyone who wrote the activity: its drafter, every reviser and everyone who requested an
   * amendment. Four-eyes keeps them from deciding on it.
   */
  @Transactional(readOnly = true)
  public List<String> authors(JointActivity activity) {
    return Stream.concat(Stream.of(activity.getProposer()),
            audit.actorsOf(activity.getId(), List.of(AuditAction.REVISED, AuditAction.AMENDMENT_REQUESTED)).stream())
        .distinct().toList();
  }

  private void append(JointActivity activity, String actor, String agency, AuditAction action, String step,
      String followUp, String comment) {
    audit.save(new AuditEntry(activity.getId(), now(), actor, agency, action, activity.getState(), step, followUp,
        comment == null || comment.isBlank() ? null : comment.strip()));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
