package org.jointactivities.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jointactivities.activity.ActivityState;
import org.jointactivities.activity.AuditAction;
import org.jointactivities.support.JointActivitiesTest;
import org.jointactivities.support.Scenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both agencies' reviewers approve at the same moment, many times over: neither sees an error, each
 * decision is recorded once, and the proposal goes on to signature. (Each completion also updates the
 * other review task, so the later commit met a concurrent change and answered 409 until completions
 * were retried.)
 */
@JointActivitiesTest
class ConcurrentReviewTest {

  static final int ROUNDS = 20;

  @Autowired Scenario scenario;

  @Test
  void simultaneousApprovalsNeverFailAndEachIsRecordedOnce() throws Exception {
    ExecutorService reviewers = Executors.newFixedThreadPool(2);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        ProcessInstance proposal = scenario.submitValid();
        scenario.runJobs();
        Task unodc = scenario.task(proposal, "Task_ReviewProposal", "UNODC");
        Task iom = scenario.task(proposal, "Task_ReviewProposal", "IOM");
        CyclicBarrier bothReady = new CyclicBarrier(2);
        List<Future<?>> reviewing = List.of(
            reviewers.submit(() -> approveAtOnce(bothReady, "unodc-reviewer", unodc, failures)),
            reviewers.submit(() -> approveAtOnce(bothReady, "iom-reviewer", iom, failures)));
        for (Future<?> review : reviewing) {
          review.get(30, TimeUnit.SECONDS);
        }
        scenario.runJobs();

        assertThat(failures).as("errors seen by reviewers in round %d", round).isEmpty();
        assertThat(scenario.activity(proposal).getState()).isEqualTo(ActivityState.AWAITING_SIGNATURE);
        assertThat(scenario.auditActions(proposal)).filteredOn(AuditAction.APPROVED::equals).hasSize(2);
      }
    } finally {
      reviewers.shutdownNow();
    }
  }

  private void approveAtOnce(CyclicBarrier bothReady, String reviewer, Task task, ConcurrentLinkedQueue<Throwable> failures) {
    try {
      bothReady.await(10, TimeUnit.SECONDS);
      scenario.complete(reviewer, task, Map.of("reviewDecision", "APPROVE"));
    } catch (Throwable e) {
      failures.add(e);
    }
  }
}
