package org.jointactivities.amendment;

import java.time.Instant;
import org.jointactivities.activity.ActivityChanges;
import org.jointactivities.activity.JointActivity;

/** Amendments for tests that do not run the amendment process. */
public final class TestAmendments {

  private TestAmendments() {}

  /**
   * Amendment {@code number} of the activity, applied: it keeps the values of {@code before} it
   * replaces, as {@link Amendments#apply} records them. The activity itself is not changed.
   */
  public static Amendment appliedTo(JointActivity before, int number, ActivityChanges changes, Instant at) {
    Amendment amendment = new Amendment(before, number, "unodc-officer", "UNODC", "Test amendment " + number,
        changes, null, at);
    amendment.applied(before, at);
    return amendment;
  }
}
