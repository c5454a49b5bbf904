package org.jointactivities.review;

import java.util.Map;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.activity.JointActivity;

/**
 * Something the agencies review jointly — a proposal, a progress report, an amendment, or a later
 * kind of request: one Spring bean per kind, in the kind's own package. The called process
 * JointReview gives a review task to each party agency of the subject's activity; this says what
 * the task shows and asks, who must not review it, and what each decision means.
 */
public interface ReviewSubject {

  /** The kind's code, passed to JointReview as {@code reviewSubject}, e.g. {@code proposal}. */
  String kind();

  /** What the task is called in Tasklist and the e-mails, e.g. "Review proposal". */
  String taskName();

  /** The id of the review task's Camunda Form. */
  String formId();

  /** The decisions a reviewer may take, their meaning, and which comment each needs. */
  ReviewDecisions decisions();

  JointActivity activityOf(long subjectId);

  /** The values the review form shows read-only, as the subject is now. */
  Map<String, Object> shown(long subjectId);

  /** What reviewing it is, in refusals: "review JA-2027-0001", "review an amendment of JA-2027-0001". */
  String reviewing(JointActivity activity);

  /** Refuses (four-eyes) a reviewer who wrote the subject, or a version of it. */
  void checkNotAuthor(long subjectId, JointActivity activity, String reviewer);

  /** The step under which the audit trail records the round's decisions. */
  String step(long subjectId, int round);

  /** The audit trail's action for a decision. */
  AuditAction audited(String decision);
}
