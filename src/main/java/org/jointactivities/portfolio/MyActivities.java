package org.jointactivities.portfolio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.JointActivity;
import org.jointactivities.activity.JointActivityRepository;
import org.jointactivities.identity.AsSystem;
import org.jointactivities.identity.IdentityLookup;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an officer follows: every activity of their agencies, newest first, with the steps open on
 * it (in any of its processes, the joint reviews they call included), who holds each and since when,
 * and what the user may do about the activity. The steps are read as the system: the user sees who
 * holds a step of their own activity also when the step is the other agency's.
 */
@Service
class MyActivities {

  private static final Set<ActivityState> WITHDRAWABLE =
      EnumSet.of(ActivityState.IN_REVIEW, ActivityState.CHANGES_REQUESTED, ActivityState.AWAITING_SIGNATURE);
  private static final Set<ActivityState> AMENDABLE = EnumSet.of(ActivityState.SIGNED, ActivityState.ACTIVE);

  record OpenStep(String taskId, String name, String heldBy, Instant since, Date due) {}

  record Action(String action, String label) {}

  record Row(String reference, String title, String state, String stateName, String leadAgency, String partnerAgency,
      String proposer, Instant submittedAt, List<OpenStep> openSteps, List<Action> actions) {}

  record PageOfRows(List<Row> content, int page, int size, long totalElements) {}

  private final JointActivityRepository activities;
  private final PortfolioAccess access;
  private final TaskService tasks;
  private final IdentityLookup identity;
  private final AsSystem asSystem;

  MyActivities(JointActivityRepository activities, PortfolioAccess access, TaskService tasks, IdentityLookup identity,
      AsSystem asSystem) {
    this.activities = activities;
    this.access = access;
    this.tasks = tasks;
    this.identity = identity;
    this.asSystem = asSystem;
  }

  @Transactional(readOnly = true)
  PageOfRows of(String userId, int page, int size) {
    Page<JointActivity> found = activities.findAll(new ActivityFilter(null, null, null, null, null, null)
        .within(access.visibleAgencies(userId)), PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "submittedAt")));
    List<Row> rows = found.map(activity -> new Row(activity.getReference(), activity.getTitle(),
        activity.getState().name(), activity.getState().displayName(), activity.getLeadAgency(),
        activity.getPartnerAgency(), identity.nameOf(activity.getProposer()), activity.getSubmittedAt(),
        openSteps(activity.getReference()), actions(activity, userId))).getContent();
    return new PageOfRows(rows, page, size, found.getTotalElements());
  }

  /** The open tasks of all the activity's processes: they share its reference as business key. */
  private List<OpenStep> openSteps(String reference) {
    return asSystem.call(() -> tasks.createTaskQuery().processInstanceBusinessKey(reference).active()
        .orderByTaskCreateTime().asc().list()).stream().map(this::step).toList();
  }

  private OpenStep step(Task task) {
    return new OpenStep(task.getId(), task.getName(), holder(task), task.getCreateTime().toInstant(), task.getDueDate());
  }

  /** The person who claimed the task, or the groups it is offered to. */
  private String holder(Task task) {
    if (task.getAssignee() != null) {
      return identity.nameOf(task.getAssignee());
    }
    List<String> groups = identity.candidateGroupsOf(task.getId()).stream().map(identity::groupName).toList();
    return groups.isEmpty() ? "nobody yet" : "not yet claimed (" + String.join(", ", groups) + ")";
  }

  private static List<Action> actions(JointActivity activity, String userId) {
    List<Action> actions = new ArrayList<>();
    if (activity.getProposer().equals(userId) && WITHDRAWABLE.contains(activity.getState())) {
      actions.add(new Action("withdraw", "Withdraw"));
    }
    if (AMENDABLE.contains(activity.getState())) {
      actions.add(new Action("amend", "Amend"));
    }
    actions.add(new Action("record", "Open the record"));
    return actions;
  }
}
