package org.jointactivities.activity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Registry activities for unit tests, built without a database or an engine. */
public final class TestActivities {

  private TestActivities() {}

  /** A UNODC-led activity with IOM: 90 000 USD (60 000 + 30 000), 2027, South Africa and Mozambique. */
  public static ActivityDetails details() {
    return new ActivityDetails(
        "Joint training on victim identification at borders",
        "Two agencies train border officials to identify victims of trafficking.",
        "Officials identify and refer victims; referral procedures agreed.",
        Set.of(ThematicArea.TRAFFICKING_IN_PERSONS, ThematicArea.BORDER_MANAGEMENT),
        Set.of(CrossCuttingMarker.GENDER),
        List.of("ZA", "MZ"),
        "Southern Africa",
        "UNODC", "IOM",
        "unodc-reviewer", "iom-reviewer",
        LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
        new BigDecimal("90000.00"), "USD", new BigDecimal("60000.00"), new BigDecimal("30000.00"),
        List.of("Training curriculum"),
        List.of(new ActivityDetails.IndicatorLine("Officials trained", BigDecimal.ZERO, new BigDecimal("120"))),
        ReportingFrequency.QUARTERLY,
        CorruptionRisk.LOW,
        null);
  }

  /**
   * An activity with these details that went the shortest way through the lifecycle from DRAFT to
   * {@code state}, every step at {@code at}.
   */
  public static JointActivity inState(String reference, ActivityState state, ActivityDetails details, Instant at) {
    JointActivity activity = new JointActivity(reference, details, "unodc-officer", at);
    for (ActivityState next : pathFromDraft(state)) {
      activity.moveTo(next, at);
    }
    return activity;
  }

  /** The activity with a signed amendment's changes applied, as the registry applies them. */
  public static JointActivity amended(JointActivity activity, ActivityChanges changes, Instant at) {
    activity.amend(changes, at);
    return activity;
  }

  /** The states after DRAFT on a shortest path to {@code target}, found in the lifecycle itself. */
  private static List<ActivityState> pathFromDraft(ActivityState target) {
    Map<ActivityState, ActivityState> previous = new EnumMap<>(ActivityState.class);
    Deque<ActivityState> queue = new ArrayDeque<>(List.of(ActivityState.DRAFT));
    while (!queue.isEmpty()) {
      ActivityState state = queue.removeFirst();
      for (ActivityState next : ActivityState.values()) {
        if (next != ActivityState.DRAFT && !previous.containsKey(next) && state.canMoveTo(next)) {
          previous.put(next, state);
          queue.addLast(next);
        }
      }
    }
    List<ActivityState> path = new ArrayList<>();
    for (ActivityState s = target; s != ActivityState.DRAFT; s = previous.get(s)) {
      if (s == null) {
        throw new IllegalArgumentException(target + " cannot be reached from DRAFT");
      }
      path.add(s);
    }
    Collections.reverse(path);
    return path;
  }
}
